package dev.annals.primitives;

/** A sector's index within a farmer's identity (u16: at most 65 536 sectors). */
public record SectorIndex(int value) implements Comparable<SectorIndex> {
  public static final int MAX = 0xFFFF;

  public SectorIndex {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException(
          "sector_index: must be in 0..=65535 (value " + value + ")");
    }
  }

  @Override
  public int compareTo(SectorIndex o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
