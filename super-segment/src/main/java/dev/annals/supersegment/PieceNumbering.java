package dev.annals.supersegment;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * Global piece numbering: {@code piece index = global segment index × pieces per segment + piece
 * position}, and back. Pieces per segment is a power of two, so the inverse is a shift and a mask.
 */
public final class PieceNumbering {
  private PieceNumbering() {}

  /** The piece at {@code position} of global segment {@code segment}; fails on u64 overflow. */
  public static PieceIndex pieceIndex(
      GlobalSegmentIndex segment, PiecePosition position, ProtocolParameters params) {
    return params.pieceIndex(segment, position);
  }

  /** The global segment that holds piece {@code index}. */
  public static GlobalSegmentIndex segmentOf(PieceIndex index, ProtocolParameters params) {
    return new GlobalSegmentIndex(index.value() >>> shift(params));
  }

  /** The position of piece {@code index} inside its segment. */
  public static PiecePosition positionOf(PieceIndex index, ProtocolParameters params) {
    return new PiecePosition((int) (index.value() & (params.piecesPerSegment() - 1)));
  }

  private static int shift(ProtocolParameters params) {
    return Integer.numberOfTrailingZeros(params.piecesPerSegment());
  }
}
