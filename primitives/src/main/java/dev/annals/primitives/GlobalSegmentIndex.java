package dev.annals.primitives;

/**
 * The index of a segment in the global history, assigned by its super segment (u64). Every u64 is
 * valid; the {@code long} holds it in two's complement, so order and printing are unsigned.
 */
public record GlobalSegmentIndex(long value) implements Comparable<GlobalSegmentIndex> {
  public static final GlobalSegmentIndex ZERO = new GlobalSegmentIndex(0);

  public static GlobalSegmentIndex parse(String text) {
    return new GlobalSegmentIndex(U64.parse("global_segment_index", text));
  }

  /** The next value; fails at 2^64 − 1 rather than wrapping. */
  public GlobalSegmentIndex next() {
    return new GlobalSegmentIndex(U64.increment("global_segment_index", value));
  }

  @Override
  public int compareTo(GlobalSegmentIndex other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return U64.toString(value);
  }
}
