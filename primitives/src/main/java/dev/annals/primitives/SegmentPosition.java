package dev.annals.primitives;

/**
 * A segment's position inside its super segment (u32). A super segment holds at most 2^20 − 1
 * segments, so positions are 0..=2^20 − 2.
 */
public record SegmentPosition(int value) implements Comparable<SegmentPosition> {
  public static final int MAX_SEGMENTS_PER_SUPER_SEGMENT = (1 << 20) - 1;
  public static final SegmentPosition ZERO = new SegmentPosition(0);

  public SegmentPosition {
    if (value < 0 || value >= MAX_SEGMENTS_PER_SUPER_SEGMENT) {
      throw new IllegalArgumentException(
          "segment_position: must be in 0..=1048574 (value "
              + Integer.toUnsignedString(value)
              + ")");
    }
  }

  @Override
  public int compareTo(SegmentPosition o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
