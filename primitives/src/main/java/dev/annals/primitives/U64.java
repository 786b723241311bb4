package dev.annals.primitives;

/**
 * Helpers for u64 values kept in a {@code long}: every bit pattern is a valid u64, values at or
 * above 2^63 look negative to Java, so comparison, printing and parsing go through these.
 */
public final class U64 {
  private U64() {}

  public static String toString(long value) {
    return Long.toUnsignedString(value);
  }

  public static long parse(String field, String text) {
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": not a u64 (value '" + text + "')", e);
    }
  }

  /** {@code value + 1}, failing instead of wrapping past 2^64 − 1. */
  public static long increment(String field, long value) {
    if (value == -1L) {
      throw new IllegalArgumentException(field + ": u64 overflow (value " + toString(value) + ")");
    }
    return value + 1;
  }
}
