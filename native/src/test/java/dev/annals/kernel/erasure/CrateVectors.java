package dev.annals.kernel.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.kernel.Kernels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The reed-solomon-simd vectors from test resources, and the crate's way of making inputs. */
final class CrateVectors {
  record Vector(int originalCount, int recoveryCount, int shardBytes, int seed, String sha256) {
    @Override
    public String toString() {
      return originalCount + ":" + recoveryCount + "x" + shardBytes + " seed " + seed;
    }
  }

  private CrateVectors() {}

  static List<Vector> all() {
    try (InputStream in =
        CrateVectors.class.getResourceAsStream("/vectors/reed-solomon-simd-vectors.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Vector> vectors = new ArrayList<>();
      for (JsonNode v : root.get("vectors")) {
        vectors.add(
            new Vector(
                v.get("original_count").asInt(),
                v.get("recovery_count").asInt(),
                v.get("shard_bytes").asInt(),
                v.get("seed").asInt(),
                v.get("sha256").asText()));
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * generate_original: the originals end to end are the ChaCha8 keystream under a key of 32 bytes
   * equal to seed (every shard size used is a multiple of 4, so no bytes are skipped).
   */
  static byte[] originalsContiguous(int count, int shardBytes, int seed) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) seed);
    return Kernels.chacha8().keystream(key, count * shardBytes);
  }

  static byte[][] split(byte[] contiguous, int count, int shardBytes) {
    byte[][] shards = new byte[count][];
    for (int i = 0; i < count; i++) {
      shards[i] = Arrays.copyOfRange(contiguous, i * shardBytes, (i + 1) * shardBytes);
    }
    return shards;
  }

  static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
