package dev.annals.blockproducer;

import dev.annals.consensus.block.StateRoots;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.block.BeaconBlockBody;

/**
 * Beacon blocks: own segment roots, the intermediate blocks not yet included (with the roots they
 * report), the proof-of-time checkpoints since the tip, and the derived consensus parameters.
 */
public final class BeaconBlockProducer implements BlockProducer {
  private final BlockBuilder builder;
  private final ChainSource chain;
  private final BeaconContent content;

  public BeaconBlockProducer(BlockBuilder builder, ChainSource chain, BeaconContent content) {
    this.builder = builder;
    this.chain = chain;
    this.content = content;
  }

  @Override
  public ShardKind kind() {
    return ShardKind.BEACON;
  }

  @Override
  public BlockDraft produce(SlotClaim claim, long nowMillis) {
    Producers.requireKind(claim, ShardKind.BEACON);
    ChainTip tip = chain.tip(ShardIndex.BEACON);
    BeaconBlockBody body =
        new BeaconBlockBody(
            chain.ownSegmentsForNextBlock(ShardIndex.BEACON),
            content.intermediateBlocksForNextBlock(),
            content.checkpointsForNextBlock(claim));
    BlockBasics basics =
        BlockBasics.next(
            tip, claim, StateRoots.after(tip.header().result().stateRoot(), body), nowMillis);
    return builder.beacon(basics, content.consensusParametersForNextBlock(claim), body);
  }
}
