package dev.annals.kernel.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.ffm.NativeLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The C coder on every path of this CPU against the Java coder: same recovery bytes on random
 * shards of many shapes, and decoding from random erasures. (CrateVectorsTest, RandomErasureTest
 * and BadInputTest also run against the C coders.)
 */
class CErasureCoderTest {
  private static final JavaErasureCoder JAVA = new JavaErasureCoder();

  static Stream<Arguments> shapes() {
    int[][] shapes = {
      {1, 1, 64},
      {1, 3, 128},
      {2, 2, 64},
      {3, 1, 192},
      {5, 3, 64},
      {7, 9, 640},
      {16, 16, 1024},
      {31, 17, 64},
      {64, 64, 4096},
      {100, 28, 192},
      {128, 128, 2048},
      {129, 5, 128},
      {200, 64, 64},
      {300, 300, 64},
      {1000, 24, 64},
      {17, 1000, 64},
      // Shard sizes that are not multiples of 64 (a partial last block) and multi-strip shards.
      {3, 2, 30},
      {9, 7, 94},
      {4, 4, 70_002},
      {12, 20, 300_032},
      // Shards of at most 32 bytes: rows of one 32-byte block (the archiver's record chunks).
      {2, 2, 32},
      {5, 3, 32},
      {64, 64, 32},
      {1000, 1000, 32},
      {4096, 4096, 32},
      {3, 5, 2},
      {9, 4, 30},
      {33, 31, 16}
    };
    List<Arguments> out = new ArrayList<>();
    for (CErasureCoder coder : Coders.cCoders()) {
      for (int[] s : shapes) {
        out.add(Arguments.of(coder.name(), coder, s[0], s[1], s[2]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {2}:{3} x {4} bytes")
  @MethodSource("shapes")
  void encodeEqualsJavaAndRandomErasuresDecode(
      String name, CErasureCoder coder, int k, int r, int shardBytes) {
    SplittableRandom random = new SplittableRandom(k * 1_000_003L + r * 997L + shardBytes);
    byte[] originals = new byte[k * shardBytes];
    random.nextBytes(originals);
    byte[] expected = new byte[r * shardBytes];
    JAVA.encode(k, r, shardBytes, originals, 0, expected, 0);
    byte[] actual = new byte[r * shardBytes];
    coder.encode(k, r, shardBytes, originals, 0, actual, 0);
    assertThat(actual).isEqualTo(expected);

    byte[][] originalShards = split(originals, k, shardBytes);
    byte[][] recoveryShards = split(expected, r, shardBytes);
    for (int trial = 0; trial < 3; trial++) {
      ShardSubsets.Kept kept =
          ShardSubsets.keep(originalShards, recoveryShards, trial, random.nextLong());
      byte[][] someOriginals = kept.originals();
      byte[][] someRecovery = kept.recovery();
      coder.recoverAll(someOriginals, someRecovery);
      assertThat(someOriginals).as("trial %d", trial).isDeepEqualTo(originalShards);
      assertThat(someRecovery).as("trial %d", trial).isDeepEqualTo(recoveryShards);
    }
  }

  @Test
  void fieldTablesEqualTheJavaOnes() {
    NativeLibrary library = requireLibrary();
    char[] log = new char[Gf16.ORDER];
    char[] exp = new char[Gf16.ORDER];
    char[] skew = new char[Gf16.MODULUS];
    new NativeGf16(library).copyTables(log, exp, skew);
    assertThat(log).isEqualTo(Gf16.LOG);
    assertThat(exp).isEqualTo(Gf16.EXP);
    assertThat(skew).isEqualTo(Gf16.SKEW);
  }

  @Test
  void everyPathOfThisCpuIsTested() {
    NativeLibrary library = requireLibrary();
    List<Gf16Path> paths = Coders.cCoders().stream().map(CErasureCoder::path).toList();
    assertThat(paths).contains(Gf16Path.PORTABLE);
    if (library.hasAvx2()) {
      assertThat(paths).contains(Gf16Path.AVX2);
    }
    if (library.hasAvx512()) {
      assertThat(paths).contains(Gf16Path.AVX512);
      assertThat(new CErasureCoder(library).path()).isEqualTo(Gf16Path.AVX512);
    }
  }

  /** The C entry points check their arguments themselves and refuse rather than overrun. */
  @Test
  void cKernelRejectsOutOfRangeCalls() {
    NativeGf16 kernel = new NativeGf16(requireLibrary());
    int path = Gf16Path.AUTO.code();
    byte[] work = new byte[4 * 64];
    assertThatThrownBy(() -> kernel.fft(work, 64, 0, 8, 8, 0, path))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fft");
    assertThatThrownBy(() -> kernel.ifft(work, 48, 0, 4, 4, 0, path))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> kernel.ifft(work, 64, 0, 4, 4, 65533, path))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> kernel.xorRows(work, 64, 0, 1, 2, path))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("XOR");
    assertThatThrownBy(() -> kernel.mulRows(work, 64, 0, 4, new int[3], path))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> kernel.mulRows(work, 64, 0, 4, new int[] {0, 1, 65536, 2}, path))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> kernel.formalDerivative(work, 64, 8, path))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> kernel.fft(work, 64, 0, 4, 4, 0, 9))
        .isInstanceOf(IllegalStateException.class);
  }

  /** One butterfly layer in C against the field's definition, element by element. */
  @Test
  void singleButterflyMatchesFieldArithmetic() {
    NativeLibrary library = requireLibrary();
    NativeGf16 kernel = new NativeGf16(library);
    SplittableRandom random = new SplittableRandom(42);
    for (CErasureCoder coder : Coders.cCoders()) {
      byte[] work = new byte[2 * 128];
      random.nextBytes(work);
      byte[] before = work.clone();
      // size 2: the one group (r = 0, h = 1) uses factor SKEW[delta], a real multiply for 5.
      int delta = 5;
      int log = Gf16.SKEW[delta];
      kernel.fft(work, 128, 0, 2, 2, delta, coder.path().code());
      for (int block = 0; block < 2; block++) {
        for (int j = 0; j < 32; j++) {
          int o = block * 64;
          int x = element(before, o, j);
          int y = element(before, 128 + o, j);
          int a = x ^ Gf16.mul(y, log);
          assertThat(element(work, o, j)).as("%s a", coder.name()).isEqualTo(a);
          assertThat(element(work, 128 + o, j)).as("%s b", coder.name()).isEqualTo(a ^ y);
        }
      }
    }
  }

  /**
   * Layers are fused in pairs inside one call and split across calls by the binding: any split must
   * give the same bytes as running the layers one call each (no fusion at all).
   */
  @Test
  void layerGroupingDoesNotChangeTransforms() {
    NativeGf16 kernel = new NativeGf16(requireLibrary());
    SplittableRandom random = new SplittableRandom(7);
    int size = 64;
    for (CErasureCoder coder : Coders.cCoders()) {
      int path = coder.path().code();
      for (int truncated : new int[] {64, 63, 40, 33, 17, 2, 1}) {
        int rowBytes = truncated % 2 == 0 ? 128 : 32;
        byte[] input = new byte[size * rowBytes];
        random.nextBytes(input);
        byte[] whole = input.clone();
        byte[] layered = input.clone();
        kernel.ifft(whole, rowBytes, 0, size, truncated, 100, path);
        kernel.fft(whole, rowBytes, 0, size, truncated, 3, path);
        for (int h = 1; h < size; h <<= 1) {
          layer(kernel::rawIfft, layered, rowBytes, size, truncated, 100, h, path);
        }
        for (int h = size / 2; h > 0; h >>= 1) {
          layer(kernel::rawFft, layered, rowBytes, size, truncated, 3, h, path);
        }
        assertThat(whole).as("%s truncated %d", coder.name(), truncated).isEqualTo(layered);
      }
    }
  }

  private interface RawTransform {
    int call(
        byte[] work,
        int rowBytes,
        int pos,
        int size,
        int truncated,
        int delta,
        int high,
        int low,
        int path);
  }

  private static void layer(
      RawTransform transform,
      byte[] work,
      int rowBytes,
      int size,
      int truncated,
      int delta,
      int h,
      int path) {
    assertThat(transform.call(work, rowBytes, 0, size, truncated, delta, h, h, path)).isZero();
  }

  private static int element(byte[] row, int blockOffset, int j) {
    return (row[blockOffset + j] & 0xFF) | (row[blockOffset + 32 + j] & 0xFF) << 8;
  }

  private static NativeLibrary requireLibrary() {
    assumeTrue(Coders.library().isPresent(), "C kernels library not built on this machine");
    return Coders.library().orElseThrow();
  }

  private static byte[][] split(byte[] contiguous, int count, int shardBytes) {
    byte[][] out = new byte[count][shardBytes];
    for (int i = 0; i < count; i++) {
      System.arraycopy(contiguous, i * shardBytes, out[i], 0, shardBytes);
    }
    return out;
  }
}
