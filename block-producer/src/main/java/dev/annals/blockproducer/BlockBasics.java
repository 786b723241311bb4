package dev.annals.blockproducer;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.ConsensusInfo;

/**
 * What every new block states whatever its shard kind: its place in its shard's chain (number,
 * parent, MMR root through the parent), its time, its state root and the consensus info of the slot
 * it won (slot, proofs of time, solution).
 */
public record BlockBasics(
    BlockNumber number,
    ShardIndex shard,
    long timestampMillis,
    Hash parentRoot,
    Hash mmrRoot,
    Hash stateRoot,
    ConsensusInfo consensusInfo) {
  public BlockBasics {
    if (number == null
        || shard == null
        || parentRoot == null
        || mmrRoot == null
        || stateRoot == null
        || consensusInfo == null) {
      throw new IllegalArgumentException("block basics: every field must be set (value null)");
    }
  }

  /**
   * The basics of the block that extends {@code tip} for {@code claim}, with the state root the new
   * body gives.
   */
  public static BlockBasics next(ChainTip tip, SlotClaim claim, Hash stateRoot, long nowMillis) {
    BlockHeaderPrefix parent = tip.header().prefix();
    if (!parent.shardIndex().equals(claim.shard())) {
      throw new IllegalArgumentException(
          "slot claim.shard: the tip is of shard "
              + parent.shardIndex()
              + " (value "
              + claim.shard()
              + ")");
    }
    return new BlockBasics(
        new BlockNumber(parent.number().value() + 1),
        claim.shard(),
        timestampAfter(parent.timestampMillis(), nowMillis),
        tip.root(),
        tip.mmrRootThroughTip(),
        stateRoot,
        claim.consensusInfo());
  }

  /**
   * A block's timestamp: the wall clock, but always after the parent's (a clock that steps back
   * must not stall production).
   */
  public static long timestampAfter(long parentTimestampMillis, long nowMillis) {
    return Math.max(nowMillis, parentTimestampMillis + 1);
  }
}
