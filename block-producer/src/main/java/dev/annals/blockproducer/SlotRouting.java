package dev.annals.blockproducer;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.primitives.NumShards;

/**
 * What routing a solution to a shard needs at a slot, read from the best beacon block: the
 * membership entropy in force, the number of shards and the beacon solution range.
 */
public record SlotRouting(
    MembershipEntropy entropy, NumShards numShards, SolutionRange beaconRange) {
  public SlotRouting {
    if (entropy == null || numShards == null || beaconRange == null) {
      throw new IllegalArgumentException("slot routing: every field must be set (value null)");
    }
  }
}
