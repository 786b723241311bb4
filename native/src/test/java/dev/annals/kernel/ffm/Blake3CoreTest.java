package dev.annals.kernel.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.java.JavaBlake3;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The C BLAKE3 core every C kernel hashes with, against the Java kernel at every length. */
class Blake3CoreTest {
  private static MethodHandle hashChunk;

  @BeforeAll
  static void bind() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
    hashChunk =
        library.function(
            "annals_blake3_hash_chunk",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS));
  }

  @Test
  void plainAndKeyedHashesMatchJavaForEveryLengthUpToOneChunk() throws Throwable {
    JavaBlake3 java = new JavaBlake3();
    Random random = new Random(7);
    byte[] key = new byte[32];
    random.nextBytes(key);
    for (int length = 0; length <= 1024; length++) {
      byte[] input = new byte[length];
      random.nextBytes(input);
      byte[] plain = new byte[32];
      byte[] keyed = new byte[32];
      int rc1 =
          (int)
              hashChunk.invokeExact(
                  MemorySegment.NULL,
                  MemorySegment.ofArray(input),
                  (long) length,
                  MemorySegment.ofArray(plain));
      int rc2 =
          (int)
              hashChunk.invokeExact(
                  MemorySegment.ofArray(key),
                  MemorySegment.ofArray(input),
                  (long) length,
                  MemorySegment.ofArray(keyed));
      assertThat(rc1).isZero();
      assertThat(rc2).isZero();
      assertThat(plain).as("plain, length %d", length).isEqualTo(java.hash(input));
      assertThat(keyed).as("keyed, length %d", length).isEqualTo(java.keyedHash(key, input));
    }
  }

  @Test
  void moreThanOneChunkIsRefused() throws Throwable {
    byte[] input = new byte[1025];
    int rc =
        (int)
            hashChunk.invokeExact(
                MemorySegment.NULL,
                MemorySegment.ofArray(input),
                1025L,
                MemorySegment.ofArray(new byte[32]));
    assertThat(rc).isEqualTo(-1);
  }
}
