package dev.annals.primitives;

/**
 * The index of a segment among its own shard's segments (u64, from 0). Every u64 is valid; the
 * {@code long} holds it in two's complement, so order and printing are unsigned.
 */
public record LocalSegmentIndex(long value) implements Comparable<LocalSegmentIndex> {
  public static final LocalSegmentIndex ZERO = new LocalSegmentIndex(0);

  public static LocalSegmentIndex parse(String text) {
    return new LocalSegmentIndex(U64.parse("local_segment_index", text));
  }

  /** The next value; fails at 2^64 − 1 rather than wrapping. */
  public LocalSegmentIndex next() {
    return new LocalSegmentIndex(U64.increment("local_segment_index", value));
  }

  @Override
  public int compareTo(LocalSegmentIndex other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return U64.toString(value);
  }
}
