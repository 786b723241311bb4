package dev.annals.blockproducer;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.solution.Solution;

/**
 * A farmer's claim to seal a block of {@code shard} in {@code slot}: the solution and the slot's
 * proof-of-time outputs (of the slot and of the slot the block authoring delay later). Whether the
 * solution really qualifies is for the importer to check; the producer only builds.
 */
public record SlotClaim(
    Slot slot, Bytes proofOfTime, Bytes futureProofOfTime, ShardIndex shard, Solution solution) {
  public SlotClaim {
    if (slot == null
        || proofOfTime == null
        || futureProofOfTime == null
        || shard == null
        || solution == null) {
      throw new IllegalArgumentException("slot claim: every field must be set (value null)");
    }
    if (!shard.kind().isReal()) {
      throw new IllegalArgumentException(
          "slot claim.shard: phantom shards have no blocks (value " + shard + ")");
    }
  }

  public ConsensusInfo consensusInfo() {
    return new ConsensusInfo(slot, proofOfTime, futureProofOfTime, solution);
  }
}
