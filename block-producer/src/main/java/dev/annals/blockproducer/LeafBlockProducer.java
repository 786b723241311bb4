package dev.annals.blockproducer;

import dev.annals.consensus.block.StateRoots;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.block.LeafBlockBody;

/** Leaf blocks: the shard's own new segment roots and transactions from the pool. */
public final class LeafBlockProducer implements BlockProducer {
  private final BlockBuilder builder;
  private final ChainSource chain;
  private final LeafContent content;
  private final int maxTransactionBytes;

  public LeafBlockProducer(
      BlockBuilder builder, ChainSource chain, LeafContent content, int maxTransactionBytes) {
    if (maxTransactionBytes < 0) {
      throw new IllegalArgumentException(
          "max transaction bytes: must not be negative (value " + maxTransactionBytes + ")");
    }
    this.builder = builder;
    this.chain = chain;
    this.content = content;
    this.maxTransactionBytes = maxTransactionBytes;
  }

  @Override
  public ShardKind kind() {
    return ShardKind.LEAF;
  }

  @Override
  public BlockDraft produce(SlotClaim claim, long nowMillis) {
    Producers.requireKind(claim, ShardKind.LEAF);
    ChainTip tip = chain.tip(claim.shard());
    LeafBlockBody body =
        new LeafBlockBody(
            chain.ownSegmentsForNextBlock(claim.shard()),
            content.transactionsForNextBlock(claim.shard(), maxTransactionBytes));
    BlockBasics basics =
        BlockBasics.next(
            tip, claim, StateRoots.after(tip.header().result().stateRoot(), body), nowMillis);
    return builder.leaf(basics, chain.beaconChainInfo(), body);
  }
}
