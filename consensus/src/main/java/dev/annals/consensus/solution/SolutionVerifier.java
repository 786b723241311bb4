package dev.annals.consensus.solution;

import dev.annals.consensus.challenge.GlobalChallenge;
import dev.annals.consensus.challenge.SolutionDistance;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorLayout;
import dev.annals.consensus.sector.SectorSlotChallenge;
import dev.annals.consensus.solution.SolutionVerifyException.Check;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.U64;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.primitives.solution.Solution;
import dev.annals.supersegment.SegmentLeaf;
import dev.annals.supersegment.SegmentProofs;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a solution past its shard membership reveal (Abundance's {@code verify_stateless} and
 * {@code verify_piece}), the first failing check a {@link SolutionVerifyException}:
 *
 * <ol>
 *   <li>stateless: the proof of space verifies for the sector's evaluation seed at the s-bucket the
 *       slot challenge picks; the masked chunk {@code chunk ⊕ H(proof of space)} is within the
 *       range; the chunk proves against the record root at that s-bucket;
 *   <li>piece: the history size is not in the future; the piece offset is below the maximum pieces
 *       in a sector; the sector has not expired (when the super segment of its expiration check
 *       point is known); the piece index the sector derives for the offset lies in the segment the
 *       solution names by super segment index and segment position (Abundance checks only the
 *       position); the record proves against the segment root at the piece position; the segment
 *       proves against the super segment root.
 * </ol>
 */
public final class SolutionVerifier implements SolutionCheck {
  private final ProtocolParameters params;
  private final ProofOfSpace pos;

  public SolutionVerifier(ProtocolParameters params) {
    this(params, Kernels.proofOfSpace(SectorLayout.posParameters(params), 1));
  }

  public SolutionVerifier(ProtocolParameters params, ProofOfSpace pos) {
    if (params == null || pos == null) {
      throw new IllegalArgumentException("solution verifier: every argument must be set (null)");
    }
    this.params = params;
    this.pos = pos;
  }

  @Override
  public void verify(Solution solution, SolutionContext context) throws SolutionVerifyException {
    SectorId sectorId = SectorId.of(solution);
    verifyStateless(solution, context, sectorId);
    verifyPiece(solution, context, sectorId);
  }

  private void verifyStateless(Solution solution, SolutionContext context, SectorId sectorId)
      throws SolutionVerifyException {
    Hash global = GlobalChallenge.derive(context.proofOfTime().toBytes(), context.slot());
    SectorSlotChallenge slotChallenge = sectorId.slotChallenge(global);
    int sBucket = slotChallenge.sBucket(params.sBuckets());
    byte[] proof = solution.proofOfSpace().toBytes();
    if (!pos.verify(sectorId.evaluationSeed(solution.pieceOffset()), sBucket, proof)) {
      throw new SolutionVerifyException(
          Check.PROOF_OF_SPACE_INVALID,
          "proof of space does not verify for sector "
              + sectorId
              + ", piece offset "
              + solution.pieceOffset().value()
              + ", s-bucket "
              + sBucket);
    }
    long distance =
        SolutionDistance.of(
            global,
            slotChallenge.toBytes(),
            SolutionDistance.maskedChunk(solution.chunk(), proof),
            0);
    if (!context.solutionRange().contains(distance)) {
      throw new SolutionVerifyException(
          Check.OUT_OF_RANGE,
          "distance "
              + U64.toString(distance)
              + " exceeds half the solution range "
              + context.solutionRange());
    }
    if (!BalancedMerkleTree.verify(
        solution.recordRoot().toBytes(),
        params.sBuckets(),
        sBucket,
        solution.chunk().toBytes(),
        concat(solution.chunkProof()))) {
      throw new SolutionVerifyException(
          Check.CHUNK_PROOF_INVALID,
          "chunk "
              + solution.chunk()
              + " does not prove against record root "
              + solution.recordRoot()
              + " at s-bucket "
              + sBucket);
    }
  }

  private void verifyPiece(Solution solution, SolutionContext context, SectorId sectorId)
      throws SolutionVerifyException {
    HistorySize history = solution.historySize();
    HistorySize current = context.currentHistorySize();
    if (history.compareTo(current) > 0) {
      throw new SolutionVerifyException(
          Check.HISTORY_SIZE_IN_FUTURE,
          "solution history size " + history + " exceeds the current " + current);
    }
    int offset = solution.pieceOffset().value();
    if (offset >= params.maxPiecesInSector()) {
      throw new SolutionVerifyException(
          Check.PIECE_OFFSET_TOO_LARGE,
          "piece offset " + offset + " is not below " + params.maxPiecesInSector());
    }
    checkExpiration(sectorId, history, current, context.superSegments());

    PieceIndex piece = sectorId.pieceIndex(solution.pieceOffset(), history, params);
    long perSegment = params.piecesPerSegment();
    GlobalSegmentIndex derivedSegment =
        new GlobalSegmentIndex(Long.divideUnsigned(piece.value(), perSegment));
    int position = (int) Long.remainderUnsigned(piece.value(), perSegment);
    SuperSegmentHeader superSegment =
        context
            .superSegments()
            .byIndex(solution.pieceSuperSegmentIndex())
            .orElseThrow(
                () ->
                    new SolutionVerifyException(
                        Check.SUPER_SEGMENT_UNKNOWN,
                        "super segment " + solution.pieceSuperSegmentIndex()));
    int segmentPosition = solution.segmentPosition().value();
    if (segmentPosition >= superSegment.segmentCount()
        || !superSegment.segmentIndexAt(solution.segmentPosition()).equals(derivedSegment)) {
      throw new SolutionVerifyException(
          Check.PIECE_SEGMENT_MISMATCH,
          "the sector's piece "
              + piece
              + " is in global segment "
              + derivedSegment
              + ", the solution names position "
              + segmentPosition
              + " of super segment "
              + superSegment.index()
              + " ("
              + superSegment.segmentCount()
              + " segments from global segment "
              + superSegment.firstSegmentIndex()
              + ")");
    }
    if (!BalancedMerkleTree.verify(
        solution.segmentRoot().toBytes(),
        params.piecesPerSegment(),
        position,
        solution.recordRoot().toBytes(),
        concat(solution.recordProof()))) {
      throw new SolutionVerifyException(
          Check.RECORD_PROOF_INVALID,
          "record root "
              + solution.recordRoot()
              + " does not prove against segment root "
              + solution.segmentRoot()
              + " at piece position "
              + position);
    }
    if (!segmentInSuperSegment(solution, superSegment)) {
      throw new SolutionVerifyException(
          Check.SEGMENT_PROOF_INVALID,
          "segment "
              + solution.segmentRoot()
              + " (shard "
              + solution.pieceShardIndex()
              + ", local index "
              + solution.pieceLocalSegmentIndex()
              + ") does not prove against super segment "
              + superSegment.index()
              + " root "
              + superSegment.root()
              + " at position "
              + segmentPosition);
    }
  }

  /**
   * Expired sectors cannot win. The expiration is only knowable once the super segment holding the
   * check point's last segment exists; before that the sector is young enough by construction.
   */
  private void checkExpiration(
      SectorId sectorId, HistorySize history, HistorySize current, SuperSegments superSegments)
      throws SolutionVerifyException {
    Optional<HistorySize> checkPoint = SectorId.expirationCheck(history, params);
    if (checkPoint.isEmpty()) {
      throw new SolutionVerifyException(
          Check.HISTORY_SIZE_INVALID,
          "history size " + history + " plus the minimum sector lifetime overflows u64");
    }
    Optional<SuperSegmentHeader> checkSuperSegment =
        superSegments.containing(checkPoint.get().lastSegmentIndex());
    if (checkSuperSegment.isEmpty()) {
      return;
    }
    Optional<HistorySize> expiration =
        sectorId.expirationHistorySize(history, checkSuperSegment.get().root(), params);
    if (expiration.isEmpty()) {
      throw new SolutionVerifyException(
          Check.HISTORY_SIZE_INVALID,
          "the expiration of a sector plotted at history size " + history + " overflows u64");
    }
    if (SectorId.isExpired(expiration.get(), current)) {
      throw new SolutionVerifyException(
          Check.SECTOR_EXPIRED,
          "sector "
              + sectorId
              + " expired at history size "
              + expiration.get()
              + ", current is "
              + current);
    }
  }

  /**
   * The segment's leaf {@code H(shard u32 ‖ position u32 ‖ local index u64 ‖ segment root)} proves
   * against the super segment root with the proof's used hashes (PROTOCOL §5: real hashes first,
   * then an all-zero tail; the used count must be what the position needs).
   */
  private static boolean segmentInSuperSegment(Solution solution, SuperSegmentHeader superSegment) {
    int position = solution.segmentPosition().value();
    List<Hash> stored = solution.segmentProof();
    if (!SegmentProofs.tailIsZero(stored)
        || SegmentProofs.usedLength(stored)
            != UnbalancedMerkleTree.proofLength(superSegment.segmentCount(), position)) {
      return false;
    }
    byte[] leaf =
        SegmentLeaf.hash(
            solution.pieceShardIndex().value(),
            position,
            solution.pieceLocalSegmentIndex().value(),
            solution.segmentRoot());
    return UnbalancedMerkleTree.verify(
        superSegment.root().toBytes(),
        superSegment.segmentCount(),
        position,
        leaf,
        SegmentProofs.usedPrefix(stored));
  }

  private static byte[] concat(List<Hash> hashes) {
    byte[] out = new byte[hashes.size() * Hash.SIZE];
    for (int i = 0; i < hashes.size(); i++) {
      hashes.get(i).copyTo(out, i * Hash.SIZE);
    }
    return out;
  }
}
