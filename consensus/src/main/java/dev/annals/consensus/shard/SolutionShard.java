package dev.annals.consensus.shard;

import dev.annals.consensus.challenge.GlobalChallenge;
import dev.annals.consensus.challenge.SolutionDistance;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.sector.SectorId;
import dev.annals.primitives.Hash;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.Solution;
import java.util.Optional;

/**
 * Which shard a solution may seal a block for (docs/SHARD-CHAINS.md §2): the beacon chain when its
 * distance is within the beacon range {@code r}, else the parent of the farmer's leaf shard within
 * {@code r × intermediate shards}, else the farmer's leaf shard within {@code r × leaf shards} (all
 * leaf shards, as Abundance's {@code to_leaf_shard}). The farmer's leaf comes from its revealed
 * shard commitment root.
 *
 * <p>This routes a solution to a producer; it proves nothing. Import verifies the solution in full
 * (proof of space, chunk and commitment proofs, the piece) under the block's shard.
 */
public final class SolutionShard {
  private SolutionShard() {}

  /** The most senior shard the solution qualifies for in {@code slot}, or empty. */
  public static Optional<ShardIndex> mostSenior(
      Solution solution,
      Slot slot,
      byte[] potOutput,
      MembershipEntropy entropy,
      NumShards numShards,
      SolutionRange beaconRange,
      ProtocolParameters params) {
    long distance = distance(solution, slot, potOutput);
    if (beaconRange.contains(distance)) {
      return Optional.of(ShardIndex.BEACON);
    }
    ShardIndex leaf =
        ShardAssignment.derive(
                solution.publicKeyHash(),
                solution.shardCommitment().root(),
                entropy,
                solution.historySize(),
                numShards,
                params.shardCommitmentLeavesLog2())
            .leafShard();
    if (beaconRange.toIntermediateShard(numShards).contains(distance)) {
      return Optional.of(leaf.parent());
    }
    if (beaconRange.toLeafShard(numShards).contains(distance)) {
      return Optional.of(leaf);
    }
    return Optional.empty();
  }

  /**
   * The solution's audit distance: its chunk, unmasked by the proof-of-space hash as plotted,
   * audited under its sector's slot challenge.
   */
  public static long distance(Solution solution, Slot slot, byte[] potOutput) {
    Hash globalChallenge = GlobalChallenge.derive(potOutput, slot);
    return SolutionDistance.of(
        globalChallenge,
        SectorId.of(solution).slotChallenge(globalChallenge).toBytes(),
        SolutionDistance.maskedChunk(solution.chunk(), solution.proofOfSpace().toBytes()),
        0);
  }
}
