package dev.annals.kernel.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.kernel.Kernels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class F1AndFnVectorsTest {
  @Test
  void f1MatchesChiaposVectorsAtK22AndK25() {
    byte[] scratch = new byte[128];
    for (JsonNode v : PosVectors.ofKind("compute_f1")) {
      // The vectors key ChaCha8 with chia_seed = 0x01 ‖ base_seed[0..31).
      byte[] base = new byte[32];
      for (int i = 0; i < 32; i++) {
        base[i] = (byte) v.get("base_seed").get(i).asInt();
      }
      byte[] chiaSeed = new byte[32];
      chiaSeed[0] = 1;
      System.arraycopy(base, 0, chiaSeed, 1, 31);
      assertThat(chiaSeed).isEqualTo(PosVectors.hex(v.get("chia_seed_hex")));
      int k = v.get("k").asInt();
      int x = v.get("x").asInt();
      assertThat(F1.single(Kernels.chacha8(), chiaSeed, k, x, scratch))
          .as("f1 k=%d x=%d", k, x)
          .isEqualTo(v.get("expected_y").asInt());
    }
  }

  @Test
  void bulkF1AgreesWithSingleF1() {
    int k = 16;
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 7);
    byte[] keystream = new byte[F1.keystreamBufferLength(k)];
    F1.keystream(Kernels.chacha8(), seed, k, keystream, 2);
    byte[] scratch = new byte[128];
    for (int x = 0; x < (1 << k); x += 37) {
      assertThat(F1.y(keystream, k, x))
          .isEqualTo(F1.single(Kernels.chacha8(), seed, k, x, scratch));
    }
    int last = (1 << k) - 1;
    assertThat(F1.y(keystream, k, last))
        .isEqualTo(F1.single(Kernels.chacha8(), seed, k, last, scratch));
  }

  @Test
  void fnMatchesChiaposRowsAtK16() {
    PosParameters params = new PosParameters(16, 256);
    FnHasher hasher = new FnHasher(Kernels.blake3(), params);
    for (JsonNode v : PosVectors.ofKind("compute_fn")) {
      int table = v.get("table").asInt();
      assertThat(params.metadataBits(table - 1)).isEqualTo(v.get("parent_metadata_bits").asInt());
      int[] ys = {(int) PosVectors.hexLong(v.get("y"))};
      long[] parentLo = {
        PosVectors.hexLong(v.get("left_metadata")), PosVectors.hexLong(v.get("right_metadata"))
      };
      long[] parentHi = {0, 0};
      long[] outHi = new long[1];
      long[] outLo = new long[1];
      hasher.compute(
          table, 0, 1, ys, new int[] {0}, new int[] {1}, parentHi, parentLo, outHi, outLo);
      assertThat(ys[0])
          .as("table %d y", table)
          .isEqualTo((int) PosVectors.hexLong(v.get("expected_y")));
      JsonNode meta = v.get("expected_metadata");
      if (!meta.isNull()) {
        assertThat(outHi[0]).isZero();
        assertThat(outLo[0]).as("table %d metadata", table).isEqualTo(PosVectors.hexLong(meta));
      }
    }
  }
}
