package dev.annals.supersegment;

import dev.annals.archiver.PieceVerifier;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import java.util.Optional;

/**
 * Verifies a piece as the piece with a given global index, from super segment roots alone: the
 * piece's own super segment index and segment position are those the global index names, its
 * segment (shard, local index, root) is at that position of that super segment, and its record is
 * at the piece position the global index names. Shard and local index enter through the segment's
 * leaf hash, the piece position through the record proof, so a genuine piece asked for under
 * another global index fails. (Abundance checks only the two proofs, at the positions the piece
 * itself claims.)
 */
public final class FullPieceVerifier {
  private final ProtocolParameters params;
  private final SuperSegmentChain chain;
  private final PieceVerifier recordVerifier;

  public FullPieceVerifier(ProtocolParameters params, SuperSegmentChain chain) {
    this.params = params;
    this.chain = chain;
    this.recordVerifier = new PieceVerifier(params);
  }

  /**
   * The first failing check, or empty when {@code piece} is the piece {@code index}. Throws {@link
   * IllegalArgumentException} when the index is beyond the known history or the piece's sizes are
   * not those of this verifier's preset.
   */
  public Optional<PieceFailure> firstFailure(Piece piece, PieceIndex index) {
    checkPreset(piece);
    PieceLocation at = chain.locate(index, params);
    SegmentLocation segment = at.segment();
    PieceHeader header = piece.header();
    if (!header.superSegmentIndex().equals(segment.superSegment())) {
      return fail(
          FullPieceCheck.SUPER_SEGMENT_INDEX,
          "piece says " + header.superSegmentIndex() + ", expected " + segment.superSegment());
    }
    if (!header.segmentPosition().equals(segment.position())) {
      return fail(
          FullPieceCheck.SEGMENT_POSITION,
          "piece says " + header.segmentPosition() + ", expected " + segment.position());
    }
    int used = SegmentProofs.usedLength(header.segmentProof());
    int needed = chain.proofLength(segment);
    if (used != needed || !SegmentProofs.tailIsZero(header.segmentProof())) {
      return fail(
          FullPieceCheck.SEGMENT_PROOF_LENGTH,
          "piece has "
              + used
              + " hashes"
              + (SegmentProofs.tailIsZero(header.segmentProof()) ? "" : " and a non-zero tail")
              + ", position "
              + segment.position()
              + " of "
              + chain.segmentCount(segment.superSegment())
              + " segments needs "
              + needed);
    }
    boolean inSuperSegment =
        chain.contains(
            segment,
            header.shardIndex().value(),
            header.localSegmentIndex().value(),
            header.segmentRoot(),
            SegmentProofs.usedPrefix(header.segmentProof()));
    if (!inSuperSegment) {
      return fail(
          FullPieceCheck.SEGMENT_PROOF,
          "shard "
              + header.shardIndex()
              + ", local index "
              + header.localSegmentIndex()
              + ", global segment "
              + segment.segment());
    }
    if (recordVerifier
        .firstFailure(piece, at.position().value(), header.segmentRoot(), null, null)
        .isPresent()) {
      return fail(FullPieceCheck.RECORD_PROOF, "piece position " + at.position());
    }
    return Optional.empty();
  }

  private void checkPreset(Piece piece) {
    int proofHashes = piece.header().segmentProof().size();
    if (piece.record().size() != params.recordSize()
        || proofHashes != params.segmentProofHashes()
        || piece.header().recordProof().size() != params.recordProofHashes()) {
      throw new IllegalArgumentException(
          "piece: not a piece of preset "
              + params.name()
              + " (value record "
              + piece.record().size()
              + " bytes, segment proof "
              + proofHashes
              + " hashes, record proof "
              + piece.header().recordProof().size()
              + " hashes; expected "
              + params.recordSize()
              + ", "
              + params.segmentProofHashes()
              + ", "
              + params.recordProofHashes()
              + ")");
    }
  }

  private static Optional<PieceFailure> fail(FullPieceCheck check, String detail) {
    return Optional.of(new PieceFailure(check, detail));
  }
}
