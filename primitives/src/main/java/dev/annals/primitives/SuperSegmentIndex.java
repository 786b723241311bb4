package dev.annals.primitives;

/**
 * The index of a super segment in the beacon chain's sequence (u64, from 0). Every u64 is valid;
 * the {@code long} holds it in two's complement, so order and printing are unsigned.
 */
public record SuperSegmentIndex(long value) implements Comparable<SuperSegmentIndex> {
  public static final SuperSegmentIndex ZERO = new SuperSegmentIndex(0);

  public static SuperSegmentIndex parse(String text) {
    return new SuperSegmentIndex(U64.parse("super_segment_index", text));
  }

  /** The next value; fails at 2^64 − 1 rather than wrapping. */
  public SuperSegmentIndex next() {
    return new SuperSegmentIndex(U64.increment("super_segment_index", value));
  }

  @Override
  public int compareTo(SuperSegmentIndex other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return U64.toString(value);
  }
}
