package dev.annals.kernel.ffm;

/** The instruction-set paths of the C kernels, and whether this CPU runs each. */
enum KernelPath {
  AUTO(CProofOfSpace.PATH_AUTO),
  PORTABLE(CProofOfSpace.PATH_PORTABLE),
  AVX2(CProofOfSpace.PATH_AVX2),
  AVX512(CProofOfSpace.PATH_AVX512);

  final int code;

  KernelPath(int code) {
    this.code = code;
  }

  boolean available() {
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
    return switch (this) {
      case AUTO, PORTABLE -> true;
      case AVX2 -> library.hasAvx2();
      case AVX512 -> library.hasAvx512();
    };
  }
}
