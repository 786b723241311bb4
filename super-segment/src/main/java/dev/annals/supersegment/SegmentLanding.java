package dev.annals.supersegment;

import dev.annals.primitives.Hash;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Landing: once a segment is in a super segment, its pieces get the super segment index, the
 * segment's position there and its segment proof (stored as {@link SegmentProofs} describes).
 */
public final class SegmentLanding {
  private SegmentLanding() {}

  /**
   * {@code piece} with its super segment fields filled from {@code superSegment}. The piece's
   * shard, local index and segment root must be those of a segment in it.
   */
  public static Piece land(Piece piece, SuperSegment superSegment, ProtocolParameters params) {
    return landAll(List.of(piece), superSegment, params).getFirst();
  }

  /**
   * The pieces of one segment, landed. Every piece must belong to the same segment of {@code
   * superSegment}; the proof is computed once for all of them.
   */
  public static List<Piece> landAll(
      List<Piece> pieces, SuperSegment superSegment, ProtocolParameters params) {
    if (pieces.isEmpty()) {
      return List.of();
    }
    PieceHeader first = pieces.getFirst().header();
    int p = superSegment.positionOf(first.shardIndex(), first.localSegmentIndex());
    if (p < 0) {
      throw new IllegalArgumentException(
          "landing: super segment "
              + superSegment.header().index()
              + " does not hold segment "
              + first.localSegmentIndex()
              + " of shard "
              + first.shardIndex()
              + " (value "
              + first.segmentRoot().toHex()
              + ")");
    }
    SegmentPosition position = new SegmentPosition(p);
    ShardSegmentRoot segment = superSegment.segmentAt(position);
    List<Hash> proof = superSegment.storedProof(position, params);
    List<Piece> out = new ArrayList<>(pieces.size());
    for (Piece piece : pieces) {
      PieceHeader h = piece.header();
      if (!h.shardIndex().equals(segment.shard())
          || !h.localSegmentIndex().equals(segment.localIndex())
          || !h.segmentRoot().equals(segment.root())) {
        throw new IllegalArgumentException(
            "landing: piece of shard "
                + h.shardIndex()
                + ", local index "
                + h.localSegmentIndex()
                + " does not belong to segment "
                + segment.localIndex()
                + " of shard "
                + segment.shard()
                + " with root "
                + segment.root().toHex()
                + " (value root "
                + h.segmentRoot().toHex()
                + ")");
      }
      PieceHeader landed =
          new PieceHeader(
              h.shardIndex(),
              h.localSegmentIndex(),
              superSegment.header().index(),
              position,
              h.segmentRoot(),
              proof,
              h.parityChunksRoot(),
              h.recordProof());
      out.add(new Piece(landed, piece.record()));
    }
    return List.copyOf(out);
  }
}
