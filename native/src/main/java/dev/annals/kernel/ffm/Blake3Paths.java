package dev.annals.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;

/** The code paths of the C BLAKE3 kernel, numbered as {@code blake3_batch.h} numbers them. */
final class Blake3Paths {
  static final int PORTABLE = 0;
  static final int AVX2 = 1;
  static final int AVX512 = 2;

  private Blake3Paths() {}

  /** The widest path the library runs on this CPU. */
  static int best(NativeLibrary library) {
    try {
      return (int)
          library
              .function("annals_blake3_path", FunctionDescriptor.of(ValueLayout.JAVA_INT))
              .invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("C BLAKE3 path query failed", e);
    }
  }

  static String name(int path) {
    return switch (path) {
      case PORTABLE -> "portable";
      case AVX2 -> "avx2";
      case AVX512 -> "avx512";
      default -> throw new IllegalArgumentException("unknown C BLAKE3 path " + path);
    };
  }
}
