package dev.annals.kernel.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.ffm.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The f1 and fn of the C proof-of-space kernel on Abundance's vectors and against Java. */
class CPosVectorsTest {
  private static MethodHandle f1;
  private static MethodHandle fn;

  @BeforeAll
  static void bind() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
    f1 =
        library.function(
            "annals_pos_f1",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT));
    fn =
        library.function(
            "annals_pos_fn",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS));
  }

  private static int cF1(byte[] seed, int k, int x) throws Throwable {
    return (int) f1.invokeExact(MemorySegment.ofArray(seed), k, x);
  }

  @Test
  void f1MatchesChiaposVectorsAtK22AndK25() throws Throwable {
    for (JsonNode v : PosVectors.ofKind("compute_f1")) {
      byte[] seed = PosVectors.hex(v.get("chia_seed_hex"));
      int k = v.get("k").asInt();
      int x = v.get("x").asInt();
      assertThat(cF1(seed, k, x)).as("f1 k=%d x=%d", k, x).isEqualTo(v.get("expected_y").asInt());
    }
  }

  @Test
  void f1MatchesJavaAtEveryKIncludingBlockStraddles() throws Throwable {
    Random random = new Random(3);
    byte[] scratch = new byte[128];
    for (int k = PosParameters.MIN_K; k <= PosParameters.MAX_K; k++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      for (int i = 0; i < 200; i++) {
        int x = i < 2 ? (i == 0 ? 0 : (1 << k) - 1) : random.nextInt(1 << k);
        assertThat(cF1(seed, k, x))
            .as("k=%d x=%d", k, x)
            .isEqualTo(F1.single(Kernels.chacha8(), seed, k, x, scratch));
      }
    }
  }

  @Test
  void fnMatchesChiaposRowsAtK16() throws Throwable {
    for (JsonNode v : PosVectors.ofKind("compute_fn")) {
      int table = v.get("table").asInt();
      long[] out = new long[2];
      int y =
          (int)
              fn.invokeExact(
                  16,
                  table,
                  (int) PosVectors.hexLong(v.get("y")),
                  0L,
                  PosVectors.hexLong(v.get("left_metadata")),
                  0L,
                  PosVectors.hexLong(v.get("right_metadata")),
                  MemorySegment.ofArray(out));
      assertThat(y)
          .as("table %d y", table)
          .isEqualTo((int) PosVectors.hexLong(v.get("expected_y")));
      JsonNode meta = v.get("expected_metadata");
      if (!meta.isNull()) {
        assertThat(out[0]).isZero();
        assertThat(out[1]).as("table %d metadata", table).isEqualTo(PosVectors.hexLong(meta));
      }
    }
  }

  @Test
  void fnMatchesJavaForWideMetadataAtEveryK() throws Throwable {
    Random random = new Random(4);
    for (int k = PosParameters.MIN_K; k <= PosParameters.MAX_K; k++) {
      PosParameters params = new PosParameters(k, 2);
      FnHasher hasher = new FnHasher(Kernels.blake3(), params);
      for (int table = 3; table <= 7; table++) {
        int bits = params.metadataBits(table - 1);
        for (int i = 0; i < 20; i++) {
          long[] hi = {randomBits(random, bits - 64), randomBits(random, bits - 64)};
          long[] lo = {randomBits(random, bits), randomBits(random, bits)};
          int leftY = random.nextInt() >>> (32 - params.yBits());
          int[] ys = {leftY};
          long[] outHi = new long[1];
          long[] outLo = new long[1];
          hasher.compute(table, 0, 1, ys, new int[] {0}, new int[] {1}, hi, lo, outHi, outLo);
          long[] out = new long[2];
          int y =
              (int)
                  fn.invokeExact(
                      k, table, leftY, hi[0], lo[0], hi[1], lo[1], MemorySegment.ofArray(out));
          assertThat(y).as("k %d table %d y", k, table).isEqualTo(ys[0]);
          if (table < 7) {
            assertThat(out).as("k %d table %d meta", k, table).containsExactly(outHi[0], outLo[0]);
          }
        }
      }
    }
  }

  /** A random value of the low {@code bits} bits (0 when bits <= 0, all 64 when >= 64). */
  private static long randomBits(Random random, int bits) {
    if (bits <= 0) {
      return 0;
    }
    long v = random.nextLong();
    return bits >= 64 ? v : v & ((1L << bits) - 1);
  }
}
