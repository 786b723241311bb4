package dev.annals.farmer;

import dev.annals.archiver.PieceCheck;
import dev.annals.archiver.PieceVerifier;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.Optional;

/**
 * Pieces from a node, checked before they are plotted: a bad piece would make a sector whose
 * solutions every verifier rejects. Checks: the node has the piece; its super segment exists; the
 * super segment's first segment plus the piece's segment position is the global segment of the
 * requested index; the record proves into the header's segment root at the requested position.
 * (That the segment root is in the super segment is the super-segment module's light-client check,
 * not repeated here.)
 */
public final class VerifiedPieces {
  private final ProtocolParameters params;
  private final NodeView node;
  private final PieceVerifier verifier;

  public VerifiedPieces(ProtocolParameters params, NodeView node) {
    this.params = params;
    this.node = node;
    this.verifier = new PieceVerifier(params);
  }

  public Piece get(PieceIndex index) {
    Piece piece =
        node.piece(index)
            .orElseThrow(
                () -> new BadPieceException(index, BadPieceException.Problem.MISSING, "not found"));
    PieceHeader header = piece.header();
    try {
      header.checkFor(params);
    } catch (IllegalArgumentException e) {
      throw new BadPieceException(index, BadPieceException.Problem.MALFORMED, e.getMessage());
    }
    if (piece.record().size() != params.recordSize()) {
      throw new BadPieceException(
          index,
          BadPieceException.Problem.MALFORMED,
          "record is " + piece.record().size() + " bytes, preset wants " + params.recordSize());
    }
    long perSegment = params.piecesPerSegment();
    GlobalSegmentIndex segment = new GlobalSegmentIndex(index.value() / perSegment);
    int position = (int) (index.value() % perSegment);
    Optional<SuperSegmentHeader> superSegment = node.superSegmentHeader(header.superSegmentIndex());
    if (superSegment.isEmpty()) {
      throw new BadPieceException(
          index,
          BadPieceException.Problem.NOT_LANDED,
          "super segment " + header.superSegmentIndex() + " is unknown to the node");
    }
    SuperSegmentHeader landed = superSegment.get();
    if (header.segmentPosition().value() >= landed.segmentCount()
        || !landed.segmentIndexAt(header.segmentPosition()).equals(segment)) {
      throw new BadPieceException(
          index,
          BadPieceException.Problem.WRONG_SEGMENT,
          "super segment "
              + header.superSegmentIndex()
              + " position "
              + header.segmentPosition()
              + " is not global segment "
              + segment);
    }
    Optional<PieceCheck> failure =
        verifier.firstFailure(piece, position, header.segmentRoot(), null, null);
    if (failure.isPresent()) {
      throw new BadPieceException(
          index,
          BadPieceException.Problem.RECORD_PROOF,
          failure.get().description()
              + " at position "
              + position
              + " of segment root "
              + header.segmentRoot());
    }
    return piece;
  }
}
