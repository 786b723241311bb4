package dev.annals.consensus.solution;

import static dev.annals.consensus.solution.PlottedSolutionFixture.DEV;
import static dev.annals.consensus.solution.PlottedSolutionFixture.SEGMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.solution.SolutionVerifyException.Check;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real solution (plotted, audited and proven by the sector code) passes; each test breaks one
 * field or one input and expects exactly that check named.
 */
class SolutionVerifierTest {
  private final PlottedSolutionFixture f = PlottedSolutionFixture.get();
  private final SolutionVerifier verifier = new SolutionVerifier(DEV);

  private SolutionContext context(SolutionRange range, HistorySize current, SuperSegments known) {
    return new SolutionContext(ShardIndex.BEACON, f.slot, f.proofOfTime, range, current, known);
  }

  private SolutionContext valid() {
    return context(SolutionRange.MAX, f.historySize, f.superSegments());
  }

  private Check failure(Solution solution, SolutionContext context) {
    return failure(verifier, solution, context);
  }

  private static Check failure(SolutionVerifier v, Solution solution, SolutionContext context) {
    try {
      v.verify(solution, context);
    } catch (SolutionVerifyException e) {
      return e.check();
    }
    throw new AssertionError("solution passed");
  }

  /** The fixture's solution with some fields replaced (nulls keep the original). */
  private Solution with(
      Bytes proofOfSpace,
      List<Hash> chunkProof,
      PieceOffset offset,
      SuperSegmentIndex superSegment,
      SegmentPosition position,
      List<Hash> recordProof,
      List<Hash> segmentProof) {
    Solution s = f.solution;
    return new Solution(
        s.publicKeyHash(),
        s.shardCommitment(),
        s.pieceLocalSegmentIndex(),
        superSegment != null ? superSegment : s.pieceSuperSegmentIndex(),
        s.segmentRoot(),
        segmentProof != null ? segmentProof : s.segmentProof(),
        s.recordRoot(),
        recordProof != null ? recordProof : s.recordProof(),
        s.chunk(),
        chunkProof != null ? chunkProof : s.chunkProof(),
        proofOfSpace != null ? proofOfSpace : s.proofOfSpace(),
        s.historySize(),
        s.sectorIndex(),
        offset != null ? offset : s.pieceOffset(),
        position != null ? position : s.segmentPosition(),
        s.pieceShardIndex());
  }

  private static List<Hash> replaced(List<Hash> hashes, int index, Hash value) {
    List<Hash> out = new ArrayList<>(hashes);
    out.set(index, value);
    return out;
  }

  @Test
  void aPlottedAuditedProvenSolutionPassesForEveryBlockKind() throws Exception {
    verifier.verify(f.solution, valid());
    // The range is inclusive: twice the distance is the narrowest range that still wins.
    SolutionRange tightest = new SolutionRange(f.distance * 2);
    verifier.verify(f.solution, context(tightest, f.historySize, f.superSegments()));
    for (ShardIndex shard :
        List.of(ShardIndex.intermediate(1), ShardIndex.leaf(ShardIndex.intermediate(1), 1))) {
      verifier.verify(
          f.solution,
          new SolutionContext(
              shard,
              f.slot,
              f.proofOfTime,
              SolutionRange.MAX.forShardKind(shard.kind(), new NumShards(2, 2)),
              f.historySize,
              f.superSegments()));
    }
  }

  @Test
  void proofOfSpaceMustVerify() {
    byte[] proof = f.solution.proofOfSpace().toBytes();
    proof[5] ^= 1;
    assertThat(failure(with(Bytes.wrap(proof), null, null, null, null, null, null), valid()))
        .isEqualTo(Check.PROOF_OF_SPACE_INVALID);
  }

  @Test
  void aProofOfSpaceForAnotherSlotsChallengeFails() {
    SolutionContext otherSlot =
        new SolutionContext(
            ShardIndex.BEACON,
            f.slot.next(),
            f.proofOfTime,
            SolutionRange.MAX,
            f.historySize,
            f.superSegments());
    // Another slot picks another s-bucket (with overwhelming probability), so the proof is wrong.
    assertThat(failure(f.solution, otherSlot)).isEqualTo(Check.PROOF_OF_SPACE_INVALID);
  }

  @Test
  void theMaskedChunkMustBeWithinTheRange() {
    SolutionRange justOut = new SolutionRange(f.distance * 2 - 1);
    assertThat(failure(f.solution, context(justOut, f.historySize, f.superSegments())))
        .isEqualTo(Check.OUT_OF_RANGE);
  }

  @Test
  void chunkMustProveAgainstTheRecordRoot() {
    List<Hash> proof = replaced(f.solution.chunkProof(), 0, Hash.blake3(new byte[] {1}));
    assertThat(failure(with(null, proof, null, null, null, null, null), valid()))
        .isEqualTo(Check.CHUNK_PROOF_INVALID);
  }

  @Test
  void historySizeMayNotBeInTheFuture() {
    SolutionContext earlier =
        context(SolutionRange.MAX, new HistorySize(SEGMENTS - 1), f.superSegments());
    assertThat(failure(f.solution, earlier)).isEqualTo(Check.HISTORY_SIZE_IN_FUTURE);
  }

  @Test
  void pieceOffsetMustBeBelowTheMaximumPiecesInASector() throws Exception {
    int offset = f.solution.pieceOffset().value();
    SolutionVerifier atOffset = new SolutionVerifier(withMaxPieces(DEV, offset + 1));
    atOffset.verify(f.solution, valid());
    SolutionVerifier belowOffset = new SolutionVerifier(withMaxPieces(DEV, offset));
    assertThat(failure(belowOffset, f.solution, valid())).isEqualTo(Check.PIECE_OFFSET_TOO_LARGE);
  }

  @Test
  void anExpiredSectorCannotWin() throws Exception {
    // Super segment 1 holds the sector's expiration check point, so its expiration is known.
    HistorySize checkPoint = SectorId.expirationCheck(f.historySize, DEV).orElseThrow();
    int count = Math.toIntExact(checkPoint.segments() - SEGMENTS);
    SuperSegmentHeader next =
        new SuperSegmentHeader(
            new SuperSegmentIndex(1),
            Hash.blake3(new byte[] {77}),
            Hash.ZERO,
            checkPoint.lastSegmentIndex(),
            new BlockNumber(2),
            count);
    SuperSegments known = f.superSegments(next);
    HistorySize expiration =
        f.sectorId.expirationHistorySize(f.historySize, next.root(), DEV).orElseThrow();
    assertThat(expiration.compareTo(checkPoint)).isGreaterThanOrEqualTo(0);

    verifier.verify(
        f.solution, context(SolutionRange.MAX, new HistorySize(expiration.segments() - 1), known));
    assertThat(failure(f.solution, context(SolutionRange.MAX, expiration, known)))
        .isEqualTo(Check.SECTOR_EXPIRED);
    // Without the check point's super segment nobody can tell; the sector counts as live.
    verifier.verify(f.solution, context(SolutionRange.MAX, expiration, f.superSegments()));
  }

  @Test
  void anUnknownSuperSegmentIsNamed() {
    Solution s = with(null, null, null, new SuperSegmentIndex(9), null, null, null);
    assertThat(failure(s, valid())).isEqualTo(Check.SUPER_SEGMENT_UNKNOWN);
  }

  @Test
  void theNamedSegmentMustBeTheOneTheSectorsPieceIndexImplies() {
    int position = f.solution.segmentPosition().value();
    SegmentPosition other = new SegmentPosition((position + 1) % SEGMENTS);
    assertThat(failure(with(null, null, null, null, other, null, null), valid()))
        .isEqualTo(Check.PIECE_SEGMENT_MISMATCH);
    assertThat(
            failure(
                with(null, null, null, null, new SegmentPosition(SEGMENTS), null, null), valid()))
        .isEqualTo(Check.PIECE_SEGMENT_MISMATCH);
  }

  @Test
  void theSegmentCheckCoversTheSuperSegmentNotOnlyThePosition() throws Exception {
    // Super segment 1 re-lands the solution's segment at the same position (same shard, local
    // index and root, so its segment proof and record proof verify there too), but that position
    // is another global segment than the one the sector's piece index implies. Abundance, which
    // checks only the position, would accept this solution naming super segment 1.
    byte[] leaves = new byte[SEGMENTS * Hash.SIZE];
    for (int p = 0; p < SEGMENTS; p++) {
      var h = f.landed.get(p).getFirst().header();
      PlottedSolutionFixture.segmentLeaf(
              h.shardIndex(), p, h.localSegmentIndex().value(), h.segmentRoot())
          .copyTo(leaves, p * Hash.SIZE);
    }
    SuperSegmentHeader copy =
        new SuperSegmentHeader(
            new SuperSegmentIndex(1),
            Hash.wrap(UnbalancedMerkleTree.root(leaves, 0, SEGMENTS)),
            Hash.ZERO,
            new GlobalSegmentIndex(2L * SEGMENTS - 1),
            new BlockNumber(2),
            SEGMENTS);
    assertThat(copy.root()).isEqualTo(f.superSegment0.root());
    Solution namingCopy = with(null, null, null, new SuperSegmentIndex(1), null, null, null);
    assertThat(
            failure(
                namingCopy,
                context(SolutionRange.MAX, new HistorySize(2L * SEGMENTS), f.superSegments(copy))))
        .isEqualTo(Check.PIECE_SEGMENT_MISMATCH);
  }

  @Test
  void recordMustProveAgainstTheSegmentRoot() {
    List<Hash> proof = replaced(f.solution.recordProof(), 1, Hash.blake3(new byte[] {2}));
    assertThat(failure(with(null, null, null, null, null, proof, null), valid()))
        .isEqualTo(Check.RECORD_PROOF_INVALID);
  }

  @Test
  void segmentMustProveAgainstTheSuperSegmentRoot() {
    List<Hash> proof = replaced(f.solution.segmentProof(), 0, Hash.blake3(new byte[] {3}));
    assertThat(failure(with(null, null, null, null, null, null, proof), valid()))
        .isEqualTo(Check.SEGMENT_PROOF_INVALID);
    // A non-zero hash after the zero tail starts is rejected, not ignored.
    List<Hash> tail =
        replaced(
            f.solution.segmentProof(), DEV.segmentProofHashes() - 1, Hash.blake3(new byte[] {4}));
    assertThat(failure(with(null, null, null, null, null, null, tail), valid()))
        .isEqualTo(Check.SEGMENT_PROOF_INVALID);
  }

  private static ProtocolParameters withMaxPieces(ProtocolParameters p, int maxPieces) {
    return p.toBuilder().maxPiecesInSector(maxPieces).build();
  }
}
