package dev.annals.blockproducer;

import dev.annals.kernel.merkle.MerkleMountainRange;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's side of production, kept in memory for tests: tips per shard with their block MMRs,
 * and whatever content a test queues. Imported blocks become the new tips.
 */
final class InMemoryChains implements ChainSource, BeaconContent, IntermediateContent, LeafContent {
  private final ProtocolParameters params;
  private final Map<ShardIndex, ChainTip> tips = new HashMap<>();
  private final Map<ShardIndex, MerkleMountainRange> mmrs = new HashMap<>();
  final Map<ShardIndex, OwnSegments> pendingSegments = new HashMap<>();
  final Map<ShardIndex, List<Bytes>> pool = new HashMap<>();
  final Map<ShardIndex, List<LeafBlockInfo>> leafBlocks = new HashMap<>();
  final List<IntermediateBlockInfo> intermediateBlocks = new ArrayList<>();
  ConsensusParameters consensusParameters;
  final List<Block> imported = new ArrayList<>();

  InMemoryChains(ProtocolParameters params, ConsensusParameters consensusParameters) {
    this.params = params;
    this.consensusParameters = consensusParameters;
  }

  /** Starts a shard's chain at {@code genesis}. */
  void start(BlockHeader genesis) {
    tips.put(genesis.prefix().shardIndex(), null);
    accept(genesis);
  }

  /** Import: the block becomes its shard's tip; its queued content is used up. */
  void importBlock(Block block) {
    imported.add(block);
    accept(block.header());
    ShardIndex shard = block.header().prefix().shardIndex();
    pendingSegments.remove(shard);
    pool.remove(shard);
    leafBlocks.remove(shard);
  }

  private void accept(BlockHeader header) {
    ShardIndex shard = header.prefix().shardIndex();
    Hash root = header.root(params);
    MerkleMountainRange mmr = mmrs.computeIfAbsent(shard, s -> new MerkleMountainRange());
    mmr.append(root.toBytes());
    tips.put(shard, new ChainTip(header, root, Hash.wrap(mmr.root())));
  }

  @Override
  public ChainTip tip(ShardIndex shard) {
    return tips.get(shard);
  }

  @Override
  public Optional<OwnSegments> ownSegmentsForNextBlock(ShardIndex shard) {
    return Optional.ofNullable(pendingSegments.get(shard));
  }

  @Override
  public BeaconChainInfo beaconChainInfo() {
    ChainTip beacon = tips.get(ShardIndex.BEACON);
    return new BeaconChainInfo(beacon.header().prefix().number(), beacon.root());
  }

  @Override
  public List<IntermediateBlockInfo> intermediateBlocksForNextBlock() {
    return List.copyOf(intermediateBlocks);
  }

  @Override
  public ConsensusParameters consensusParametersForNextBlock(SlotClaim claim) {
    return consensusParameters;
  }

  @Override
  public List<PotCheckpoints> checkpointsForNextBlock(SlotClaim claim) {
    return List.of(new PotCheckpoints(Bytes.zeros(16 * params.potCheckpoints())));
  }

  @Override
  public List<LeafBlockInfo> leafBlocksForNextBlock(ShardIndex intermediate) {
    return leafBlocks.getOrDefault(intermediate, List.of());
  }

  @Override
  public List<Bytes> transactionsForNextBlock(ShardIndex leaf, int maxBytes) {
    List<Bytes> out = new ArrayList<>();
    int used = 0;
    for (Bytes tx : pool.getOrDefault(leaf, List.of())) {
      if (used + tx.length() > maxBytes) {
        break;
      }
      out.add(tx);
      used += tx.length();
    }
    return out;
  }
}
