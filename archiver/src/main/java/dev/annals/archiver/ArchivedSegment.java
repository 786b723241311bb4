package dev.annals.archiver;

import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SegmentHeader;
import java.util.List;

/** A newly archived segment: its header and all its pieces (source first, then parity). */
public record ArchivedSegment(SegmentHeader header, List<Piece> pieces) {
  public ArchivedSegment {
    pieces = List.copyOf(pieces);
  }
}
