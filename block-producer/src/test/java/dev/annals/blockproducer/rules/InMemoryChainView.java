package dev.annals.blockproducer.rules;

import dev.annals.consensus.block.ChainView;
import dev.annals.kernel.merkle.MerkleMountainRange;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chain view over blocks held in maps, for tests: what a node's storage would answer, computed
 * naively from the stored blocks (ancestors by walking parent links, MMR roots by re-adding every
 * root from genesis, last included child by scanning bodies back to genesis).
 */
final class InMemoryChainView implements ChainView {
  private record ExpectedKey(ShardIndex shard, Hash parentRoot) {}

  private final ProtocolParameters params;
  private final Map<Hash, Block> blocks = new HashMap<>();
  private final Map<ShardIndex, Hash> genesisRoots = new HashMap<>();
  private final Map<Slot, Bytes> potOutputs = new HashMap<>();
  private final Map<ExpectedKey, OwnSegments> expectedSegments = new HashMap<>();
  private final Map<Hash, HistorySize> historySizes = new HashMap<>();
  private final List<SuperSegmentHeader> superSegments = new ArrayList<>();

  InMemoryChainView(ProtocolParameters params) {
    this.params = params;
  }

  void addGenesis(Block genesis) {
    Hash root = add(genesis);
    genesisRoots.put(genesis.header().prefix().shardIndex(), root);
  }

  Hash add(Block block) {
    Hash root = block.header().root(params);
    blocks.put(root, block);
    return root;
  }

  void remove(Hash root) {
    blocks.remove(root);
  }

  void potOutput(Slot slot, Bytes output) {
    potOutputs.put(slot, output);
  }

  void expectOwnSegments(ShardIndex shard, Hash parentRoot, OwnSegments segments) {
    expectedSegments.put(new ExpectedKey(shard, parentRoot), segments);
  }

  void historySize(Hash beaconRoot, HistorySize size) {
    historySizes.put(beaconRoot, size);
  }

  void forgetHistorySize(Hash beaconRoot) {
    historySizes.remove(beaconRoot);
  }

  void addSuperSegment(SuperSegmentHeader header) {
    superSegments.add(header);
  }

  @Override
  public Optional<BlockHeader> header(Hash blockRoot) {
    return Optional.ofNullable(blocks.get(blockRoot)).map(Block::header);
  }

  @Override
  public Optional<Hash> mmrRootThrough(Hash blockRoot) {
    List<Hash> roots = chainTo(blockRoot);
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    MerkleMountainRange mmr = new MerkleMountainRange();
    for (Hash root : roots) {
      mmr.append(root.toBytes());
    }
    return Optional.of(Hash.wrap(mmr.root()));
  }

  @Override
  public Optional<BlockHeader> ancestor(Hash descendantRoot, BlockNumber number) {
    Block block = blocks.get(descendantRoot);
    while (block != null) {
      int c = block.header().prefix().number().compareTo(number);
      if (c == 0) {
        return Optional.of(block.header());
      }
      if (c < 0) {
        return Optional.empty();
      }
      block = blocks.get(block.header().prefix().parentRoot());
    }
    return Optional.empty();
  }

  @Override
  public Optional<OwnSegments> ownSegments(Hash blockRoot) {
    Block block = blocks.get(blockRoot);
    return block == null ? Optional.empty() : ownSegmentsOf(block.body());
  }

  @Override
  public Hash lastIncludedChild(Hash tipRoot, ShardIndex childShard) {
    Block block = blocks.get(tipRoot);
    while (block != null) {
      List<BlockHeader> included = childHeaders(block.body());
      for (int i = included.size() - 1; i >= 0; i--) {
        if (included.get(i).prefix().shardIndex().equals(childShard)) {
          return included.get(i).root(params);
        }
      }
      block = blocks.get(block.header().prefix().parentRoot());
    }
    return genesisRoots.get(childShard);
  }

  @Override
  public Optional<Bytes> potOutput(Slot slot) {
    return Optional.ofNullable(potOutputs.get(slot));
  }

  @Override
  public Optional<OwnSegments> expectedOwnSegments(ShardIndex shard, Hash parentRoot) {
    return Optional.ofNullable(expectedSegments.get(new ExpectedKey(shard, parentRoot)));
  }

  @Override
  public Optional<HistorySize> historySizeAt(Hash beaconRoot) {
    return Optional.ofNullable(historySizes.get(beaconRoot));
  }

  @Override
  public Optional<SuperSegmentHeader> byIndex(SuperSegmentIndex index) {
    return superSegments.stream().filter(h -> h.index().equals(index)).findFirst();
  }

  @Override
  public Optional<SuperSegmentHeader> containing(GlobalSegmentIndex segment) {
    return superSegments.stream()
        .filter(
            h ->
                h.firstSegmentIndex().compareTo(segment) <= 0
                    && segment.compareTo(h.maxSegmentIndex()) <= 0)
        .findFirst();
  }

  /** Roots from the shard's genesis through {@code root}, oldest first; empty when unknown. */
  private List<Hash> chainTo(Hash root) {
    List<Hash> roots = new ArrayList<>();
    Hash at = root;
    Block block = blocks.get(at);
    while (block != null) {
      roots.add(at);
      if (block.header().prefix().number().value() == 0) {
        Collections.reverse(roots);
        return roots;
      }
      at = block.header().prefix().parentRoot();
      block = blocks.get(at);
    }
    return List.of();
  }

  private static Optional<OwnSegments> ownSegmentsOf(BlockBody body) {
    return switch (body) {
      case BeaconBlockBody b -> b.ownSegments();
      case IntermediateBlockBody b -> b.ownSegments();
      case LeafBlockBody b -> b.ownSegments();
    };
  }

  private static List<BlockHeader> childHeaders(BlockBody body) {
    return switch (body) {
      case BeaconBlockBody b ->
          b.intermediateBlocks().stream()
              .map(IntermediateBlockInfo::header)
              .map(h -> (BlockHeader) h)
              .toList();
      case IntermediateBlockBody b ->
          b.leafBlocks().stream().map(LeafBlockInfo::header).map(h -> (BlockHeader) h).toList();
      case LeafBlockBody b -> List.of();
    };
  }
}
