package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.archiver.RecordCommitment;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorLayout;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.consensus.shard.ShardMembershipException;
import dev.annals.consensus.shard.ShardMembershipVerifier;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.solution.Solution;
import java.math.BigInteger;
import java.util.List;

/**
 * Checks a farmer's solution the way a verifier would, from the solution, the slot and the landed
 * history alone, with no farmer code: distance recomputed from the masked chunk, chunk proof
 * against the record root, proof of space, record root against the landed piece, record proof
 * against the segment root, piece selection, and the shard commitment reveal for the shard.
 */
final class SolutionCheck {
  private static final ProtocolParameters DEV = DevHistory.DEV;
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final ProofOfSpace POS = Kernels.proofOfSpace(SectorLayout.posParameters(DEV), 1);

  private SolutionCheck() {}

  static void check(ShardSolution offered, SlotNotification slot, DevHistory history)
      throws ShardMembershipException {
    Solution s = offered.solution();
    assertThat(Solution.decode(s.encode(DEV), DEV)).isEqualTo(s);

    // Sector id from the revealed root: ties the reveal to the plot.
    SectorId sectorId =
        SectorId.derive(
            s.publicKeyHash(), s.shardCommitment().root(), s.sectorIndex(), s.historySize());
    Hash challenge = slot.globalChallenge();
    byte[] ssc = new byte[32];
    for (int i = 0; i < 32; i++) {
      ssc[i] = (byte) (sectorId.hash().get(i) ^ challenge.get(i));
    }
    int sBucket = ((ssc[0] & 0xff) | (ssc[1] & 0xff) << 8) % DEV.sBuckets();

    // Distance from the masked chunk (chunk XOR H(proof of space)), computed with BigInteger.
    byte[] masked = s.chunk().toBytes();
    byte[] mask = Kernels.blake3().hash(s.proofOfSpace().toBytes());
    for (int i = 0; i < 32; i++) {
      masked[i] ^= mask[i];
    }
    BigInteger a = leU64(Kernels.blake3().keyedHash(ssc, masked));
    BigInteger g = leU64(challenge.toBytes());
    BigInteger distance = a.subtract(g).mod(TWO_64).min(g.subtract(a).mod(TWO_64));
    assertThat(distance).isEqualTo(new BigInteger(Long.toUnsignedString(offered.distance())));
    SolutionRange range =
        slot.solutionRanges().forShardKind(offered.shard().kind(), slot.numShards());
    assertThat(distance)
        .isLessThanOrEqualTo(new BigInteger(Long.toUnsignedString(range.value())).shiftRight(1));

    assertThat(
            BalancedMerkleTree.verify(
                s.recordRoot().toBytes(),
                DEV.sBuckets(),
                sBucket,
                s.chunk().toBytes(),
                concat(s.chunkProof())))
        .as("chunk proof")
        .isTrue();
    assertThat(
            POS.verify(
                sectorId.evaluationSeed(s.pieceOffset()), sBucket, s.proofOfSpace().toBytes()))
        .as("proof of space")
        .isTrue();

    PieceIndex pieceIndex = sectorId.pieceIndex(s.pieceOffset(), s.historySize(), DEV);
    Piece piece = history.piece(pieceIndex.value());
    assertThat(s.segmentRoot()).isEqualTo(piece.header().segmentRoot());
    assertThat(s.segmentProof()).isEqualTo(piece.header().segmentProof());
    assertThat(s.pieceSuperSegmentIndex()).isEqualTo(piece.header().superSegmentIndex());
    assertThat(s.segmentPosition()).isEqualTo(piece.header().segmentPosition());
    assertThat(s.pieceLocalSegmentIndex()).isEqualTo(piece.header().localSegmentIndex());
    assertThat(s.pieceShardIndex()).isEqualTo(piece.header().shardIndex());
    byte[] parityRoot = new byte[32];
    byte[] recordRoot = RecordCommitment.commit(DEV, piece.record().toBytes(), 0, parityRoot, 0);
    assertThat(s.recordRoot().toBytes()).isEqualTo(recordRoot);
    assertThat(
            BalancedMerkleTree.verify(
                s.segmentRoot().toBytes(),
                DEV.piecesPerSegment(),
                (int) (pieceIndex.value() % DEV.piecesPerSegment()),
                recordRoot,
                concat(s.recordProof())))
        .as("record proof")
        .isTrue();

    ShardAssignment assignment =
        new ShardMembershipVerifier(DEV)
            .verify(s, offered.shard(), slot.membershipEntropy(), slot.numShards());
    assertThat(assignment.leafShard()).isNotNull();
  }

  private static byte[] concat(List<Hash> hashes) {
    byte[] out = new byte[hashes.size() * Hash.SIZE];
    for (int i = 0; i < hashes.size(); i++) {
      hashes.get(i).copyTo(out, i * Hash.SIZE);
    }
    return out;
  }

  private static BigInteger leU64(byte[] bytes) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 7; i >= 0; i--) {
      v = v.shiftLeft(8).or(BigInteger.valueOf(bytes[i] & 0xff));
    }
    return v;
  }
}
