package dev.annals.node.chain;

import dev.annals.blockproducer.BeaconContent;
import dev.annals.blockproducer.ChainSource;
import dev.annals.blockproducer.ChainTip;
import dev.annals.blockproducer.IntermediateContent;
import dev.annals.blockproducer.LeafContent;
import dev.annals.blockproducer.SlotClaim;
import dev.annals.consensus.block.BeaconConsensusParameters;
import dev.annals.consensus.block.ChildBlockInfos;
import dev.annals.consensus.block.MissingDependencyException;
import dev.annals.node.storage.ChainHead;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.supersegment.SuperSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the block producers of every shard kind read from the node (docs/node-import.md §5): best
 * tips with their MMR roots, own segments from the archiver tasks, child blocks not yet included on
 * the tip's chain (SHARD-CHAINS §5 order), beacon consensus parameters with the super segment root
 * the block will derive, proof-of-time checkpoints and pooled transactions. Every call holds the
 * chain's lock; a runtime that imports on other threads should hold {@link NodeChain#lock()} around
 * a whole {@code SlotWorker.offer} so that one block's parts come from one state.
 */
public final class NodeChainSource
    implements ChainSource, BeaconContent, IntermediateContent, LeafContent {
  private final NodeChain chain;
  private final ProtocolParameters params;
  private final int maxChildBlocksPerShard;

  /**
   * @param maxChildBlocksPerShard how many blocks of one child shard a body carries at most (the
   *     rest follow in the next block)
   */
  public NodeChainSource(NodeChain chain, int maxChildBlocksPerShard) {
    if (maxChildBlocksPerShard < 1) {
      throw new IllegalArgumentException(
          "max child blocks per shard: must be positive (value " + maxChildBlocksPerShard + ")");
    }
    this.chain = chain;
    this.params = chain.params();
    this.maxChildBlocksPerShard = maxChildBlocksPerShard;
  }

  @Override
  public ChainTip tip(ShardIndex shard) {
    synchronized (chain.lock()) {
      ChainHead head = chain.bestHead(shard);
      return new ChainTip(
          chain.header(head.root()), head.root(), chain.meta(head.root()).mmrRoot());
    }
  }

  @Override
  public Optional<OwnSegments> ownSegmentsForNextBlock(ShardIndex shard) {
    synchronized (chain.lock()) {
      ChainHead head = chain.bestHead(shard);
      return chain
          .archiver(shard)
          .expectedOwnSegments(head.root(), new BlockNumber(head.number().value() + 1));
    }
  }

  @Override
  public BeaconChainInfo beaconChainInfo() {
    synchronized (chain.lock()) {
      ChainHead head = chain.bestHead(ShardIndex.BEACON);
      return new BeaconChainInfo(head.number(), head.root());
    }
  }

  @Override
  public List<IntermediateBlockInfo> intermediateBlocksForNextBlock() {
    synchronized (chain.lock()) {
      Hash tip = chain.bestHead(ShardIndex.BEACON).root();
      List<IntermediateBlockInfo> out = new ArrayList<>();
      for (ShardIndex child : params.numShards().intermediateShardIndices()) {
        for (Hash root : notIncluded(tip, child)) {
          out.add(
              ChildBlockInfos.intermediate(
                  (IntermediateBlockHeader) chain.header(root),
                  (IntermediateBlockBody) body(root),
                  params));
        }
      }
      return out;
    }
  }

  @Override
  public List<LeafBlockInfo> leafBlocksForNextBlock(ShardIndex intermediate) {
    if (intermediate.kind() != ShardKind.INTERMEDIATE) {
      throw new IllegalArgumentException(
          "intermediate: must be an intermediate shard (value " + intermediate + ")");
    }
    synchronized (chain.lock()) {
      Hash tip = chain.bestHead(intermediate).root();
      List<LeafBlockInfo> out = new ArrayList<>();
      for (ShardIndex child : params.numShards().leafShardIndices()) {
        if (!child.parent().equals(intermediate)) {
          continue;
        }
        for (Hash root : notIncluded(tip, child)) {
          out.add(
              ChildBlockInfos.leaf(
                  (LeafBlockHeader) chain.header(root), (LeafBlockBody) body(root)));
        }
      }
      return out;
    }
  }

  /**
   * The blocks of {@code child}'s best chain that the chain ending at {@code parentTip} has not
   * included, oldest first: those after the last included one, or, when the child shard's best
   * chain left it (a child re-org), those after the fork point.
   */
  private List<Hash> notIncluded(Hash parentTip, ShardIndex child) {
    Hash last = chain.view().lastIncludedChild(parentTip, child);
    long lastNumber = chain.header(last).prefix().number().value();
    List<Hash> out = new ArrayList<>();
    Hash x = chain.bestHead(child).root();
    while (number(x) > lastNumber) {
      out.add(x);
      x = parent(x);
    }
    Hash y = last;
    while (number(y) > number(x)) {
      y = parent(y);
    }
    while (!x.equals(y)) {
      out.add(x);
      x = parent(x);
      y = parent(y);
    }
    Collections.reverse(out);
    return out.size() > maxChildBlocksPerShard ? out.subList(0, maxChildBlocksPerShard) : out;
  }

  private long number(Hash root) {
    return chain.header(root).prefix().number().value();
  }

  private Hash parent(Hash root) {
    return chain.header(root).prefix().parentRoot();
  }

  private BlockBody body(Hash root) {
    return chain
        .storage()
        .body(root)
        .orElseThrow(() -> new IllegalStateException("block " + root + " has no stored body"));
  }

  /**
   * The parameters {@link BeaconConsensusParameters#derive} gives for the next beacon block, with
   * the root of the super segment that block will derive from the own segments and intermediate
   * blocks this source hands the producer for it.
   */
  @Override
  public ConsensusParameters consensusParametersForNextBlock(SlotClaim claim) {
    synchronized (chain.lock()) {
      ChainHead head = chain.bestHead(ShardIndex.BEACON);
      BeaconBlockHeader tip = (BeaconBlockHeader) chain.header(head.root());
      BlockNumber number = new BlockNumber(head.number().value() + 1);
      BeaconBlockBody parts =
          new BeaconBlockBody(
              ownSegmentsForNextBlock(ShardIndex.BEACON),
              intermediateBlocksForNextBlock(),
              List.of());
      Optional<Hash> superSegmentRoot =
          chain.deriver().derive(head.root(), number, parts).map(SuperSegment::root);
      try {
        return BeaconConsensusParameters.derive(
            params,
            tip,
            number,
            claim.slot(),
            superSegmentRoot,
            n -> chain.view().ancestor(head.root(), n));
      } catch (MissingDependencyException e) {
        throw new IllegalStateException(
            "beacon tip " + head.root() + ": stored chain lacks " + e.dependency(), e);
      }
    }
  }

  /**
   * The checkpoints of every slot after the tip's future slot (after genesis: from slot 1) through
   * the claim's future slot.
   *
   * @throws IllegalStateException a slot's checkpoints are not known to this node yet
   */
  @Override
  public List<PotCheckpoints> checkpointsForNextBlock(SlotClaim claim) {
    synchronized (chain.lock()) {
      BlockHeader tip = chain.header(chain.bestHead(ShardIndex.BEACON).root());
      long tipSlot = tip.consensusInfo().slot().value();
      long delay = params.blockAuthoringDelaySlots();
      long from = tipSlot == 0 ? 1 : tipSlot + delay + 1;
      long to = claim.slot().value() + delay;
      List<PotCheckpoints> out = new ArrayList<>();
      for (long s = from; s <= to; s++) {
        Slot slot = new Slot(s);
        out.add(
            chain
                .pot()
                .checkpoints(slot)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "proof-of-time checkpoints of slot " + slot + " are not known yet")));
      }
      return out;
    }
  }

  @Override
  public List<Bytes> transactionsForNextBlock(ShardIndex leaf, int maxBytes) {
    return chain.transactions().peek(leaf, maxBytes);
  }

  /** Submits an opaque transaction for a leaf shard's pool; false when that pool is full. */
  public boolean submit(ShardIndex leaf, Bytes transaction) {
    return chain.transactions().submit(leaf, transaction);
  }
}
