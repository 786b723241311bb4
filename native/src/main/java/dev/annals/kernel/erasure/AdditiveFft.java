package dev.annals.kernel.erasure;

/**
 * The additive FFT and its inverse over GF(2^16) in the Lin-Han-Chung / Leopard form used by
 * reed-solomon-simd. The data is a strip: rows of {@code width} words (four elements each), laid
 * out row after row in a {@code long[]}. Every column of the strip is transformed independently, so
 * a strip may be any set of columns of the shards.
 *
 * <p>Arguments follow the crate's {@code fft(data, pos, size, truncated_size, skew_delta)}: the
 * transform covers rows pos..pos+size-1, only butterfly groups starting below truncated are
 * computed, and group r of half-width h uses factor SKEW[r + h - 1 + skewDelta].
 */
final class AdditiveFft {
  private AdditiveFft() {}

  static void fft(
      long[] w, int width, int pos, int size, int truncated, int skewDelta, int[] table) {
    char[] skew = Gf16.SKEW;
    for (int h = size >>> 1; h > 0; h >>>= 1) {
      int run = h * width;
      for (int r = 0; r < truncated; r += h << 1) {
        int a = (pos + r) * width;
        RowOps.fftButterfly(w, a, a + run, run, skew[r + h - 1 + skewDelta], table);
      }
    }
  }

  static void ifft(
      long[] w, int width, int pos, int size, int truncated, int skewDelta, int[] table) {
    char[] skew = Gf16.SKEW;
    for (int h = 1; h < size; h <<= 1) {
      int run = h * width;
      for (int r = 0; r < truncated; r += h << 1) {
        int a = (pos + r) * width;
        RowOps.ifftButterfly(w, a, a + run, run, skew[r + h - 1 + skewDelta], table);
      }
    }
  }

  /**
   * Formal derivative of the polynomial whose coefficients (in the novel basis) are rows 0..n-1:
   * for i = 1..n-1, rows i..i+lowbit(i)-1 are XORed into rows i-lowbit(i)..i-1.
   */
  static void formalDerivative(long[] w, int width, int n) {
    for (int i = 1; i < n; i++) {
      int low = i & -i;
      RowOps.xor(w, i * width, w, (i - low) * width, low * width);
    }
  }
}
