package dev.annals.consensus.sector;

import java.math.BigInteger;

/** u64 / u256 arithmetic the sector derivations need, on {@code long}s holding u64 values. */
final class UnsignedMath {
  private static final BigInteger U64_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private UnsignedMath() {}

  /** The 32 bytes read as a little-endian u256, modulo the non-zero u64 {@code modulus}. */
  static long u256LeMod(byte[] bytes, long modulus) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("u256: must be 32 bytes (value " + bytes.length + ")");
    }
    if (modulus == 0) {
      throw new IllegalArgumentException("modulus: must not be zero (value 0)");
    }
    byte[] bigEndian = new byte[33];
    for (int i = 0; i < 32; i++) {
      bigEndian[32 - i] = bytes[i];
    }
    return new BigInteger(bigEndian).mod(unsigned(modulus)).longValue();
  }

  static BigInteger unsigned(long value) {
    return BigInteger.valueOf(value).and(U64_MASK);
  }

  /** {@code a × b} saturating at 2^64 − 1. */
  static long saturatingMultiply(long a, long b) {
    if (Math.unsignedMultiplyHigh(a, b) != 0) {
      return -1L;
    }
    return a * b;
  }

  /** {@code a × b}, failing on u64 overflow (consensus constants are small). */
  static long multiplyExact(String what, long a, long b) {
    if (Math.unsignedMultiplyHigh(a, b) != 0) {
      throw new ArithmeticException(what + ": u64 overflow");
    }
    return a * b;
  }
}
