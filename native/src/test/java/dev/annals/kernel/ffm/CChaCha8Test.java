package dev.annals.kernel.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.java.JavaChaCha8;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The C ChaCha8 of proof-of-space table 1 against the Java kernel, on every path. */
class CChaCha8Test {
  private static MethodHandle keystream;

  @BeforeAll
  static void bind() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
    keystream =
        library.function(
            "annals_chacha8_keystream",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_INT));
  }

  private static byte[] c(byte[] key, long firstBlock, int length, int path) throws Throwable {
    byte[] out = new byte[length];
    int rc =
        (int)
            keystream.invokeExact(
                MemorySegment.ofArray(key),
                firstBlock,
                MemorySegment.ofArray(out),
                (long) length,
                path);
    assertThat(rc).as("path %d", path).isZero();
    return out;
  }

  @Test
  void everyPathMatchesJavaAtManyLengthsAndCounters() throws Throwable {
    JavaChaCha8 java = new JavaChaCha8();
    Random random = new Random(8);
    // Counters near 2^32 check the carry into word 13 (the 64-bit counter layout).
    long[] firstBlocks = {0, 1, 17, (1L << 32) - 5, 123_456_789_012L};
    int[] lengths = {0, 1, 63, 64, 65, 511, 512, 1024 + 17, 16 * 64 * 3 + 5};
    for (KernelPath path : KernelPath.values()) {
      for (long first : firstBlocks) {
        for (int length : lengths) {
          byte[] key = new byte[32];
          random.nextBytes(key);
          byte[] expected = new byte[length];
          java.keystream(key, first, expected, 0, length);
          int code = path.code;
          if (!path.available()) {
            continue;
          }
          assertThat(c(key, first, length, code))
              .as("path %s first %d length %d", path, first, length)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void badLengthIsRefused() throws Throwable {
    int rc =
        (int)
            keystream.invokeExact(
                MemorySegment.ofArray(new byte[32]),
                0L,
                MemorySegment.ofArray(new byte[1]),
                -1L,
                -1);
    assertThat(rc).isEqualTo(-1);
  }
}
