package dev.annals.supersegment;

import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PiecePosition;

/** Where a global piece sits: its segment's location and its position inside the segment. */
public record PieceLocation(PieceIndex piece, SegmentLocation segment, PiecePosition position) {}
