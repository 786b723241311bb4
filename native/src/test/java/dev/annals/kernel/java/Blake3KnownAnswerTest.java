package dev.annals.kernel.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.kernel.Blake3;
import dev.annals.kernel.Blake3Hasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The official BLAKE3 test vectors (see resources/vectors/README.md), in every mode. */
public class Blake3KnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();

  public record Case(int inputLen, byte[] hash, byte[] keyedHash, byte[] deriveKey) {}

  public record Vectors(byte[] key, String context, List<Case> cases) {}

  public static Vectors vectors() {
    try (InputStream in =
        Blake3KnownAnswerTest.class.getResourceAsStream("/vectors/blake3-test-vectors.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        cases.add(
            new Case(
                c.get("input_len").asInt(),
                HEX.parseHex(c.get("hash").asText()),
                HEX.parseHex(c.get("keyed_hash").asText()),
                HEX.parseHex(c.get("derive_key").asText())));
      }
      return new Vectors(
          root.get("key").asText().getBytes(StandardCharsets.US_ASCII),
          root.get("context_string").asText(),
          cases);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> cases() {
    Vectors v = vectors();
    return Blake3Implementations.all().stream()
        .flatMap(impl -> v.cases().stream().map(c -> Arguments.of(impl, v, c)));
  }

  public static byte[] input(int length) {
    byte[] in = new byte[length];
    for (int i = 0; i < length; i++) {
      in[i] = (byte) (i % 251);
    }
    return in;
  }

  static byte[] prefix(byte[] b, int n) {
    return java.util.Arrays.copyOf(b, n);
  }

  @ParameterizedTest(name = "{0} len={2}")
  @MethodSource("cases")
  void oneShotOutputs(Blake3 impl, Vectors v, Case c) {
    byte[] in = input(c.inputLen());
    int xofLen = c.hash().length;
    assertThat(impl.hash(in)).isEqualTo(prefix(c.hash(), 32));
    assertThat(impl.xof(in, xofLen)).isEqualTo(c.hash());
    assertThat(impl.keyedHash(v.key(), in)).isEqualTo(prefix(c.keyedHash(), 32));
    assertThat(impl.newKeyedHasher(v.key()).update(in).finish(xofLen)).isEqualTo(c.keyedHash());
    assertThat(impl.deriveKey(v.context(), in, 32)).isEqualTo(prefix(c.deriveKey(), 32));
    assertThat(impl.deriveKey(v.context(), in, xofLen)).isEqualTo(c.deriveKey());
  }

  @ParameterizedTest(name = "{0} len={2}")
  @MethodSource("cases")
  void batchOutputs(Blake3 impl, Vectors v, Case c) {
    byte[] in = input(c.inputLen());
    int n = in.length;
    byte[] three = new byte[1 + 3 * n];
    for (int i = 0; i < 3; i++) {
      System.arraycopy(in, 0, three, 1 + n * i, n);
    }
    byte[] out = new byte[2 + 3 * 32];
    impl.hashBatch(three, 1, n, 3, out, 2);
    for (int i = 0; i < 3; i++) {
      assertThat(java.util.Arrays.copyOfRange(out, 2 + 32 * i, 2 + 32 * i + 32))
          .isEqualTo(prefix(c.hash(), 32));
    }
    if (n == 64) {
      byte[] keyed = new byte[32];
      impl.keyedHash64Batch(v.key(), in, 0, 1, keyed, 0);
      assertThat(keyed).isEqualTo(prefix(c.keyedHash(), 32));
    }
  }

  @ParameterizedTest(name = "{0} len={2}")
  @MethodSource("cases")
  void offsetInputAndOutput(Blake3 impl, Vectors v, Case c) {
    byte[] in = input(c.inputLen());
    byte[] shifted = new byte[in.length + 7];
    System.arraycopy(in, 0, shifted, 3, in.length);
    assertThat(impl.hash(shifted, 3, in.length)).isEqualTo(prefix(c.hash(), 32));
    byte[] out = new byte[c.hash().length + 5];
    impl.newHasher().update(shifted, 3, in.length).finish(out, 5, c.hash().length);
    assertThat(java.util.Arrays.copyOfRange(out, 5, out.length)).isEqualTo(c.hash());
    assertThat(out[0]).isZero();
  }

  @ParameterizedTest(name = "{0} len={2}")
  @MethodSource("cases")
  void incrementalRandomSplits(Blake3 impl, Vectors v, Case c) {
    byte[] in = input(c.inputLen());
    Random random = new Random(c.inputLen());
    for (int round = 0; round < 8; round++) {
      Blake3Hasher plain = impl.newHasher();
      Blake3Hasher keyed = impl.newKeyedHasher(v.key());
      Blake3Hasher derive = impl.newDeriveKeyHasher(v.context());
      int pos = 0;
      while (pos < in.length) {
        // Mix tiny, block-sized and multi-chunk pieces.
        int bound =
            switch (random.nextInt(3)) {
              case 0 -> 3;
              case 1 -> 130;
              default -> 5000;
            };
        int n = Math.min(in.length - pos, random.nextInt(bound + 1));
        plain.update(in, pos, n);
        keyed.update(in, pos, n);
        derive.update(in, pos, n);
        pos += n;
      }
      assertThat(plain.finish(c.hash().length)).isEqualTo(c.hash());
      assertThat(keyed.finish(c.keyedHash().length)).isEqualTo(c.keyedHash());
      assertThat(derive.finish(c.deriveKey().length)).isEqualTo(c.deriveKey());
    }
  }

  @ParameterizedTest(name = "{0} len={2}")
  @MethodSource("cases")
  void byteByByteAndBlockAligned(Blake3 impl, Vectors v, Case c) {
    byte[] in = input(c.inputLen());
    Blake3Hasher single = impl.newHasher();
    for (int i = 0; i < in.length; i++) {
      single.update(in, i, 1);
    }
    assertThat(single.finish(c.hash().length)).isEqualTo(c.hash());
    Blake3Hasher blocks = impl.newHasher();
    for (int i = 0; i < in.length; i += 64) {
      blocks.update(in, i, Math.min(64, in.length - i));
    }
    assertThat(blocks.finish(c.hash().length)).isEqualTo(c.hash());
  }
}
