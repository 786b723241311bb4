package dev.annals.archiver;

import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import java.util.Optional;

/**
 * Verifies the record part of a piece: that its record, at its position, is in the segment with the
 * given root. (That the segment is in a super segment is the super-segment module's check.)
 */
public final class PieceVerifier {
  private final ProtocolParameters params;

  public PieceVerifier(ProtocolParameters params) {
    this.params = params;
  }

  /**
   * The first failing check, or empty when the piece at {@code position} belongs to the segment
   * {@code segmentRoot}. {@code shard} and {@code localIndex} are checked when not null.
   */
  public Optional<PieceCheck> firstFailure(
      Piece piece, int position, Hash segmentRoot, ShardIndex shard, LocalSegmentIndex localIndex) {
    if (position < 0 || position >= params.piecesPerSegment()) {
      throw new IllegalArgumentException(
          "piece position must be in [0, " + params.piecesPerSegment() + "), got " + position);
    }
    if (piece.record().size() != params.recordSize()) {
      throw new IllegalArgumentException(
          "piece: record of "
              + piece.record().size()
              + " bytes, preset "
              + params.name()
              + " needs "
              + params.recordSize());
    }
    PieceHeader header = piece.header();
    if (shard != null && !shard.equals(header.shardIndex())) {
      return Optional.of(PieceCheck.SHARD);
    }
    if (localIndex != null && !localIndex.equals(header.localSegmentIndex())) {
      return Optional.of(PieceCheck.LOCAL_SEGMENT_INDEX);
    }
    if (!segmentRoot.equals(header.segmentRoot())) {
      return Optional.of(PieceCheck.SEGMENT_ROOT);
    }
    // A piece's record can only be copied out: copy it into this thread's buffer, which stays in
    // cache for the hashing, rather than into a fresh megabyte per piece.
    byte[] record = RecordScratch.of(params.recordSize()).record();
    piece.record().copyTo(record, 0);
    byte[] recordRoot = new byte[Hash.SIZE];
    RecordCommitment.rootFromParityRoot(
        params, record, 0, header.parityChunksRoot().toBytes(), 0, recordRoot, 0);
    byte[] proof = new byte[params.recordProofSize()];
    for (int i = 0; i < header.recordProof().size(); i++) {
      header.recordProof().get(i).copyTo(proof, i * Hash.SIZE);
    }
    boolean inSegment =
        BalancedMerkleTree.verify(
            segmentRoot.toBytes(), params.piecesPerSegment(), position, recordRoot, proof);
    return inSegment ? Optional.empty() : Optional.of(PieceCheck.RECORD_PROOF);
  }
}
