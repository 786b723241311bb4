package dev.annals.consensus.range;

/**
 * The few unsigned 128-bit steps retargeting needs, on {@code {high, low}} pairs of unsigned longs.
 * Retargeting runs once per interval, so clarity wins over speed here.
 */
final class U128 {
  private static final long[] MAX = {-1L, -1L};

  private U128() {}

  static long[] multiply(long a, long b) {
    return new long[] {Math.unsignedMultiplyHigh(a, b), a * b};
  }

  /** {@code x × m}, or u128::MAX when the product needs more than 128 bits. */
  static long[] multiplySaturating(long[] x, long m) {
    long[] lowPart = multiply(x[1], m);
    long[] highPart = multiply(x[0], m);
    if (highPart[0] != 0) {
      return MAX.clone();
    }
    long high = highPart[1] + lowPart[0];
    if (Long.compareUnsigned(high, highPart[1]) < 0) {
      return MAX.clone();
    }
    return new long[] {high, lowPart[1]};
  }

  /** {@code x / d} for a non-zero u64 divisor, by schoolbook long division in base 2^64. */
  static long[] divide(long[] x, long d) {
    if (d == 0) {
      throw new ArithmeticException("u128 division by zero");
    }
    long qHigh = Long.divideUnsigned(x[0], d);
    long rem = Long.remainderUnsigned(x[0], d);
    // Now divide (rem : low) by d, rem < d: shift in one bit of the low word at a time.
    long qLow = 0;
    long low = x[1];
    for (int i = 0; i < 64; i++) {
      boolean carry = rem < 0; // top bit set: the shifted remainder exceeds 2^64
      rem = (rem << 1) | (low >>> 63);
      low <<= 1;
      qLow <<= 1;
      if (carry || Long.compareUnsigned(rem, d) >= 0) {
        rem -= d;
        qLow |= 1;
      }
    }
    return new long[] {qHigh, qLow};
  }
}
