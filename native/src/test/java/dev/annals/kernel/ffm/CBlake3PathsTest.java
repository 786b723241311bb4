package dev.annals.kernel.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.java.Blake3KnownAnswerTest;
import dev.annals.kernel.java.JavaBlake3;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code path of the C BLAKE3 kernel (portable, AVX2, AVX-512, forced through the test entry
 * {@code annals_blake3_forced}) against the Java kernel, on every CPU path this machine has.
 */
class CBlake3PathsTest {
  private static final int KEYED64 = 0;
  private static final int HASH_BATCH = 1;
  private static final int HASH = 2;

  private static final JavaBlake3 JAVA = new JavaBlake3();
  private static MethodHandle forced;
  private static int best;

  @BeforeAll
  static void bind() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
    forced =
        library.function(
            "annals_blake3_forced",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS));
    best = Blake3Paths.best(library);
  }

  /** The paths this CPU runs; the widest must match what the library reports to Java. */
  static IntStream paths() {
    return IntStream.rangeClosed(Blake3Paths.PORTABLE, Blake3Paths.AVX512);
  }

  private static void assumeRuns(int path) {
    assumeTrue(path <= best, "this CPU lacks the " + Blake3Paths.name(path) + " path");
  }

  private static int call(
      int path,
      int op,
      byte[] key,
      byte[] in,
      int inOff,
      long len,
      long count,
      byte[] out,
      int outOff)
      throws Throwable {
    MemorySegment keySegment = key == null ? MemorySegment.NULL : MemorySegment.ofArray(key);
    return (int)
        forced.invokeExact(
            path,
            op,
            keySegment,
            MemorySegment.ofArray(in).asSlice(inOff),
            len,
            count,
            MemorySegment.ofArray(out).asSlice(outOff));
  }

  private static byte[] random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @MethodSource("paths")
  void keyedBatchMatchesJavaForEveryCountAndOffset(int path) throws Throwable {
    assumeRuns(path);
    Random r = new Random(10 + path);
    int[] counts =
        IntStream.concat(IntStream.rangeClosed(0, 70), IntStream.of(255, 256, 1001, 4099))
            .toArray();
    for (int count : counts) {
      byte[] key = random(r, 32);
      int inOff = r.nextInt(70);
      int outOff = r.nextInt(40);
      byte[] in = random(r, inOff + 64 * count + 3);
      byte[] expected = new byte[outOff + 32 * count + 5];
      byte[] actual = expected.clone();
      JAVA.keyedHash64Batch(key, in, inOff, count, expected, outOff);
      assertThat(call(path, KEYED64, key, in, inOff, 0, count, actual, outOff)).isZero();
      assertThat(actual).as("count %d", count).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("paths")
  void inPlaceReductionMatchesJava(int path) throws Throwable {
    assumeRuns(path);
    Random r = new Random(20 + path);
    for (int leaves : new int[] {2, 3, 17, 32, 33, 70, 1024, 1030}) {
      // outOffset == inOffset, then outOffset below inOffset, level after level in one array.
      for (int shift : new int[] {0, 32, 96}) {
        byte[] key = random(r, 32);
        byte[] expected = random(r, shift + 32 * leaves);
        byte[] actual = expected.clone();
        int nodes = leaves;
        int inOff = shift;
        while (nodes >= 2) {
          int pairs = nodes / 2;
          int outOff = Math.max(0, inOff - shift);
          JAVA.keyedHash64Batch(key, expected, inOff, pairs, expected, outOff);
          assertThat(call(path, KEYED64, key, actual, inOff, 0, pairs, actual, outOff)).isZero();
          assertThat(actual)
              .as("leaves %d shift %d nodes %d", leaves, shift, nodes)
              .isEqualTo(expected);
          nodes = pairs;
          inOff = outOff;
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("paths")
  void hashBatchMatchesJavaForEveryCountAndLength(int path) throws Throwable {
    assumeRuns(path);
    Random r = new Random(30 + path);
    int[] lengths = {
      0, 1, 31, 32, 48, 63, 64, 65, 100, 127, 128, 129, 500, 1023, 1024, 1025, 2048, 3000, 9000
    };
    for (int length : lengths) {
      int[] counts =
          length <= 1024 ? IntStream.rangeClosed(0, 70).toArray() : new int[] {0, 1, 2, 9, 17};
      for (int count : counts) {
        int inOff = r.nextInt(9);
        int outOff = r.nextInt(9);
        byte[] in = random(r, inOff + length * count + 1);
        byte[] expected = new byte[outOff + 32 * count + 2];
        byte[] actual = expected.clone();
        JAVA.hashBatch(in, inOff, length, count, expected, outOff);
        assertThat(call(path, HASH_BATCH, null, in, inOff, length, count, actual, outOff)).isZero();
        assertThat(actual).as("length %d count %d", length, count).isEqualTo(expected);
      }
    }
    byte[] in = random(r, 48 * 5000);
    byte[] expected = new byte[32 * 5000];
    byte[] actual = new byte[32 * 5000];
    JAVA.hashBatch(in, 0, 48, 5000, expected, 0);
    assertThat(call(path, HASH_BATCH, null, in, 0, 48, 5000, actual, 0)).isZero();
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("paths")
  void longHashesMatchJavaAroundEveryChunkCount(int path) throws Throwable {
    assumeRuns(path);
    Random r = new Random(40 + path);
    byte[] in = random(r, 70 * 1024 + 3);
    byte[] key = random(r, 32);
    for (int chunks = 0; chunks <= 70; chunks++) {
      for (int delta : new int[] {-1, 0, 1, 517}) {
        int length = chunks * 1024 + delta;
        if (length < 0 || length > in.length - 3) {
          continue;
        }
        byte[] input = Arrays.copyOfRange(in, 3, 3 + length);
        byte[] plain = new byte[32];
        byte[] keyed = new byte[32];
        assertThat(call(path, HASH, null, in, 3, length, 0, plain, 0)).isZero();
        assertThat(call(path, HASH, key, in, 3, length, 0, keyed, 0)).isZero();
        assertThat(plain).as("plain length %d", length).isEqualTo(JAVA.hash(input));
        assertThat(keyed).as("keyed length %d", length).isEqualTo(JAVA.keyedHash(key, input));
      }
    }
    byte[] big = random(r, (1 << 20) + 12345);
    byte[] out = new byte[32];
    assertThat(call(path, HASH, null, big, 0, big.length, 0, out, 0)).isZero();
    assertThat(out).isEqualTo(JAVA.hash(big));
  }

  @ParameterizedTest
  @MethodSource("paths")
  void officialVectorsOnEveryPath(int path) throws Throwable {
    assumeRuns(path);
    Blake3KnownAnswerTest.Vectors v = Blake3KnownAnswerTest.vectors();
    for (Blake3KnownAnswerTest.Case c : v.cases()) {
      byte[] in = Blake3KnownAnswerTest.input(c.inputLen());
      byte[] plain = new byte[32];
      byte[] keyed = new byte[32];
      assertThat(call(path, HASH, null, in, 0, in.length, 0, plain, 0)).isZero();
      assertThat(call(path, HASH, v.key(), in, 0, in.length, 0, keyed, 0)).isZero();
      assertThat(plain).as("len %d", c.inputLen()).isEqualTo(Arrays.copyOf(c.hash(), 32));
      assertThat(keyed).as("len %d", c.inputLen()).isEqualTo(Arrays.copyOf(c.keyedHash(), 32));
      byte[] batch = new byte[64];
      byte[] two = new byte[2 * in.length];
      System.arraycopy(in, 0, two, 0, in.length);
      System.arraycopy(in, 0, two, in.length, in.length);
      assertThat(call(path, HASH_BATCH, null, two, 0, in.length, 2, batch, 0)).isZero();
      assertThat(Arrays.copyOfRange(batch, 32, 64)).isEqualTo(Arrays.copyOf(c.hash(), 32));
    }
  }

  @Test
  void theWidestPathIsTheOneTheCpuFeaturesPromise() {
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
    int expected =
        library.hasAvx512()
            ? Blake3Paths.AVX512
            : library.hasAvx2() ? Blake3Paths.AVX2 : Blake3Paths.PORTABLE;
    assertThat(best).isEqualTo(expected);
  }

  @Test
  void badArgumentsAndMissingPathsAreRefused() throws Throwable {
    byte[] in = new byte[128];
    byte[] out = new byte[64];
    byte[] key = new byte[32];
    assertThat(call(3, KEYED64, key, in, 0, 0, 1, out, 0)).isEqualTo(-2);
    assertThat(call(-1, KEYED64, key, in, 0, 0, 1, out, 0)).isEqualTo(-2);
    assertThat(call(Blake3Paths.PORTABLE, 7, key, in, 0, 0, 1, out, 0)).isEqualTo(-2);
    assertThat(call(Blake3Paths.PORTABLE, HASH, null, in, 0, -1, 0, out, 0)).isEqualTo(-2);
    assertThat(call(Blake3Paths.PORTABLE, KEYED64, key, in, 0, 0, -1, out, 0)).isEqualTo(-2);
    assertThat(call(Blake3Paths.PORTABLE, KEYED64, null, in, 0, 0, 1, out, 0)).isEqualTo(-2);
    if (best < Blake3Paths.AVX512) {
      assertThat(call(Blake3Paths.AVX512, KEYED64, key, in, 0, 0, 1, out, 0)).isEqualTo(-1);
    }
  }
}
