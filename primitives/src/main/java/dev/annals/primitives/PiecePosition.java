package dev.annals.primitives;

/**
 * A piece's position inside its segment. The type admits 0..=255 (a byte, as in Abundance); a
 * preset narrows it to {@code pieces per segment} via {@code
 * ProtocolParameters.checkPiecePosition}.
 */
public record PiecePosition(int value) implements Comparable<PiecePosition> {
  public static final int MAX = 255;

  public PiecePosition {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException(
          "piece_position: must be in 0..=255 (value " + value + ")");
    }
  }

  /** True for a source piece (first half of the segment), false for a parity piece. */
  public boolean isSource(int piecesPerSegment) {
    return value < piecesPerSegment / 2;
  }

  @Override
  public int compareTo(PiecePosition o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
