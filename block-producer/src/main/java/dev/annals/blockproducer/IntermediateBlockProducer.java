package dev.annals.blockproducer;

import dev.annals.consensus.block.StateRoots;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.block.IntermediateBlockBody;

/** Intermediate blocks: own segment roots and the leaf blocks (with theirs) not yet included. */
public final class IntermediateBlockProducer implements BlockProducer {
  private final BlockBuilder builder;
  private final ChainSource chain;
  private final IntermediateContent content;

  public IntermediateBlockProducer(
      BlockBuilder builder, ChainSource chain, IntermediateContent content) {
    this.builder = builder;
    this.chain = chain;
    this.content = content;
  }

  @Override
  public ShardKind kind() {
    return ShardKind.INTERMEDIATE;
  }

  @Override
  public BlockDraft produce(SlotClaim claim, long nowMillis) {
    Producers.requireKind(claim, ShardKind.INTERMEDIATE);
    ChainTip tip = chain.tip(claim.shard());
    IntermediateBlockBody body =
        new IntermediateBlockBody(
            chain.ownSegmentsForNextBlock(claim.shard()),
            content.leafBlocksForNextBlock(claim.shard()));
    BlockBasics basics =
        BlockBasics.next(
            tip, claim, StateRoots.after(tip.header().result().stateRoot(), body), nowMillis);
    return builder.intermediate(basics, chain.beaconChainInfo(), body);
  }
}
