package dev.annals.consensus.shard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SolutionShardTest {
  private static final ProtocolParameters P = ProtocolParameters.DEV;
  private static final NumShards SHARDS = new NumShards(2, 2);

  private final Hash publicKeyHash = Hash.blake3(new byte[] {1});
  private final Hash commitmentsRoot = Hash.blake3(new byte[] {2});
  private final MembershipEntropy entropy =
      MembershipEntropy.fromPotOutput(Bytes.wrap(new byte[16]));
  private final byte[] pot = new byte[16];
  private final Slot slot = new Slot(77);
  private final Solution solution = solution();

  @Test
  void theDistanceIsTheAuditOfTheUnmaskedChunkUnderTheSectorSlotChallenge() {
    assertThat(SolutionShard.distance(solution, slot, pot)).isEqualTo(naiveDistance());
  }

  @Test
  void aSolutionGoesToTheMostSeniorShardItsDistanceAllows() {
    long distance = naiveDistance();
    ShardIndex leaf =
        ShardAssignment.derive(
                publicKeyHash,
                commitmentsRoot,
                entropy,
                solution.historySize(),
                SHARDS,
                P.shardCommitmentLeavesLog2())
            .leafShard();
    // distance ≤ r / 2 exactly at r = 2 × distance (+1 for the odd bit).
    SolutionRange exact = new SolutionRange(2 * distance + 1);
    assertThat(route(exact)).contains(ShardIndex.BEACON);
    SolutionRange half = new SolutionRange(distance);
    // r × 2 intermediate shards covers it, r alone does not.
    assertThat(route(half)).contains(leaf.parent());
    // Out of reach of r × 2 intermediate shards but within r × 8 leaf shards.
    NumShards wide = new NumShards(2, 4);
    SolutionRange third = new SolutionRange(distance / 3 * 2 + 2);
    ShardIndex leafOfWide =
        ShardAssignment.derive(
                publicKeyHash,
                commitmentsRoot,
                entropy,
                solution.historySize(),
                wide,
                P.shardCommitmentLeavesLog2())
            .leafShard();
    assertThat(SolutionShard.mostSenior(solution, slot, pot, entropy, wide, third, P))
        .contains(leafOfWide);
    assertThat(route(new SolutionRange(distance / 4))).isEmpty();
  }

  private Optional<ShardIndex> route(SolutionRange beaconRange) {
    return SolutionShard.mostSenior(solution, slot, pot, entropy, SHARDS, beaconRange, P);
  }

  /** The audit written out from the facts: every hash spelled out, distance the short way round. */
  private long naiveDistance() {
    byte[] challengeInput = new byte[24];
    LittleEndian.putLong(challengeInput, 16, slot.value());
    byte[] globalChallenge = Kernels.blake3().hash(challengeInput);
    byte[] sectorInput = new byte[2 + 8 + 32];
    LittleEndian.putLong(sectorInput, 2, solution.historySize().segments());
    commitmentsRoot.copyTo(sectorInput, 10);
    byte[] sectorId = Kernels.blake3().keyedHash(publicKeyHash.toBytes(), sectorInput);
    byte[] slotChallenge = new byte[32];
    for (int i = 0; i < 32; i++) {
      slotChallenge[i] = (byte) (sectorId[i] ^ globalChallenge[i]);
    }
    byte[] proofHash = Kernels.blake3().hash(solution.proofOfSpace().toBytes());
    byte[] masked = solution.chunk().toBytes();
    for (int i = 0; i < 32; i++) {
      masked[i] ^= proofHash[i];
    }
    byte[] audit = Kernels.blake3().keyedHash(slotChallenge, masked);
    long a = LittleEndian.getLong(audit, 0);
    long g = LittleEndian.getLong(globalChallenge, 0);
    long forward = a - g;
    long backward = g - a;
    return Long.compareUnsigned(forward, backward) < 0 ? forward : backward;
  }

  private static Bytes proofOfSpace() {
    byte[] proof = new byte[P.posProofSize()];
    Arrays.fill(proof, (byte) 0x5a);
    return Bytes.wrap(proof);
  }

  private Solution solution() {
    return new Solution(
        publicKeyHash,
        new ShardCommitment(
            commitmentsRoot, Proofs.zeros(P.shardCommitmentProofHashes()), Hash.ZERO),
        LocalSegmentIndex.ZERO,
        SuperSegmentIndex.ZERO,
        Hash.ZERO,
        Proofs.zeros(P.segmentProofHashes()),
        Hash.ZERO,
        Proofs.zeros(P.recordProofHashes()),
        Hash.blake3(new byte[] {3}),
        Proofs.zeros(P.chunkProofHashes()),
        proofOfSpace(),
        new HistorySize(3),
        new SectorIndex(0),
        new PieceOffset(0),
        SegmentPosition.ZERO,
        ShardIndex.BEACON);
  }
}
