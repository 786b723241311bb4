package dev.annals.node.devnet;

import dev.annals.consensus.range.SolutionRanges;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardRotation;
import dev.annals.farmer.SlotNotification;
import dev.annals.node.chain.NodeChain;
import dev.annals.node.storage.ChainHead;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * What the blocks built in a slot are judged by, as of the best beacon block now
 * (docs/block-rules.md "What a solution is judged by"): the solution ranges after it (the beacon
 * block built on it takes its pending retargeted range, shard blocks naming it its own), its shard
 * counts, the membership entropy in force for the beacon block after it (the one a shard block
 * naming the best beacon block is judged by too) and the history size in force after it. The slot
 * is announced with these, and the producer derives them again when it builds, since the best block
 * may have moved.
 */
final class SlotTerms {
  private final NodeChain chain;
  private final ProtocolParameters params;

  SlotTerms(NodeChain chain, ProtocolParameters params) {
    this.chain = chain;
    this.params = params;
  }

  SlotNotification at(Slot slot, Bytes output) {
    synchronized (chain.lock()) {
      ChainHead head = chain.bestHead(ShardIndex.BEACON);
      BeaconBlockHeader best =
          (BeaconBlockHeader) chain.storage().header(head.root()).orElseThrow();
      BlockNumber source =
          ShardRotation.entropySourceBlock(new BlockNumber(head.number().value() + 1), params);
      BlockHeader sourceHeader = chain.view().ancestor(head.root(), source).orElseThrow();
      return new SlotNotification(
          slot,
          output,
          SolutionRanges.after(best.consensusParameters()),
          best.consensusParameters().numShards(),
          MembershipEntropy.fromPotOutput(sourceHeader.consensusInfo().proofOfTime()),
          chain.view().historySizeAt(head.root()).orElseThrow());
    }
  }
}
