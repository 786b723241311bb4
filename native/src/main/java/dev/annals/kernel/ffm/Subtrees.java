package dev.annals.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * A long BLAKE3 input hashed in short C calls: pieces that are complete subtrees of the BLAKE3 tree
 * (a power-of-two number of chunks, at an offset that is a multiple of it; the last piece may be
 * shorter) each give a chaining value, and the root output is computed over those values.
 */
final class Subtrees {
  static final int CHUNK_LEN = 1024;
  private static final int OUT_LEN = 32;

  private final MethodHandle subtree;
  private final MethodHandle rootOfSubtrees;

  Subtrees(NativeLibrary library) {
    subtree =
        library.function(
            "annals_blake3_subtree",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS));
    rootOfSubtrees =
        library.function(
            "annals_blake3_root_of_subtrees",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG));
  }

  /**
   * The chaining value of the piece {@code input[offset, +length)} (length >= 1) whose first chunk
   * is number {@code firstChunk}, written as value {@code index} of {@code cvs}.
   *
   * @param key the 32-byte key, or null for plain hashing
   */
  void chainingValue(
      byte[] key, byte[] input, int offset, int length, long firstChunk, byte[] cvs, int index) {
    int rc;
    try {
      rc =
          (int)
              subtree.invokeExact(
                  keySegment(key),
                  MemorySegment.ofArray(input),
                  (long) offset,
                  (long) length,
                  firstChunk,
                  MemorySegment.ofArray(cvs).asSlice((long) OUT_LEN * index, OUT_LEN));
    } catch (Throwable e) {
      throw new IllegalStateException("C BLAKE3 subtree failed", e);
    }
    check(rc, "subtree");
  }

  /**
   * {@code length} bytes of root output (the hash, or more: extendable output) over the first
   * {@code count} (>= 2) values of {@code cvs}, which it overwrites.
   */
  void rootOutput(byte[] key, byte[] cvs, int count, byte[] out, int offset, int length) {
    int rc;
    try {
      rc =
          (int)
              rootOfSubtrees.invokeExact(
                  keySegment(key),
                  MemorySegment.ofArray(cvs),
                  (long) count,
                  MemorySegment.ofArray(out).asSlice(offset, length),
                  (long) length);
    } catch (Throwable e) {
      throw new IllegalStateException("C BLAKE3 root failed", e);
    }
    check(rc, "root");
  }

  private static MemorySegment keySegment(byte[] key) {
    return key == null ? MemorySegment.NULL : MemorySegment.ofArray(key);
  }

  static void check(int rc, String what) {
    switch (rc) {
      case 0 -> {}
      case -3 -> throw new OutOfMemoryError("C BLAKE3 " + what + ": no memory for chunk values");
      default -> throw new IllegalStateException("C BLAKE3 " + what + " refused its arguments");
    }
  }
}
