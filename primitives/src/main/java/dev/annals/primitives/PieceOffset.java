package dev.annals.primitives;

/** A piece's offset inside its sector (u16); a preset narrows it to {@code pieces per sector}. */
public record PieceOffset(int value) implements Comparable<PieceOffset> {
  public static final int MAX = 0xFFFF;

  public PieceOffset {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException(
          "piece_offset: must be in 0..=65535 (value " + value + ")");
    }
  }

  @Override
  public int compareTo(PieceOffset o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
