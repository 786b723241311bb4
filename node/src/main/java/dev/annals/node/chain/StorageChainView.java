package dev.annals.node.chain;

import dev.annals.consensus.block.ChainView;
import dev.annals.node.archiving.ChainWalker;
import dev.annals.node.storage.BlockMeta;
import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The block rules' view of a node's storage (docs/node-import.md §3). Known blocks are exactly the
 * stored ones (only the importer stores blocks, after verifying them; genesis blocks from the
 * start). MMR roots come from the {@code block_meta} entry of each block; own segments from the
 * shard's archiver task; proof-of-time outputs from {@link PotOutputs}; super segments from
 * storage, plus super segment 0, which the chain spec fixes before block 1 lands it. Every call
 * holds the chain's lock.
 */
public final class StorageChainView implements ChainView {
  private static final int CACHE_ENTRIES = 4096;

  private record ChildKey(Hash tip, ShardIndex child) {}

  private final NodeChain chain;
  private final ChainStorage storage;
  private final ChainWalker walker;
  private final Map<ChildKey, Hash> lastIncluded = lru();
  private final Map<Hash, HistorySize> historySizes = lru();

  StorageChainView(NodeChain chain) {
    this.chain = chain;
    this.storage = chain.storage();
    this.walker = new ChainWalker(storage);
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CACHE_ENTRIES;
      }
    };
  }

  @Override
  public Optional<BlockHeader> header(Hash blockRoot) {
    synchronized (chain.lock()) {
      return storage.header(blockRoot);
    }
  }

  @Override
  public Optional<Hash> mmrRootThrough(Hash blockRoot) {
    synchronized (chain.lock()) {
      return chain.metaIfStored(blockRoot).map(BlockMeta::mmrRoot);
    }
  }

  @Override
  public Optional<BlockHeader> ancestor(Hash descendantRoot, BlockNumber number) {
    synchronized (chain.lock()) {
      Optional<BlockHeader> descendant = storage.header(descendantRoot);
      if (descendant.isEmpty() || number.compareTo(descendant.get().prefix().number()) > 0) {
        return Optional.empty();
      }
      return storage.header(walker.ancestor(descendantRoot, number));
    }
  }

  @Override
  public Optional<OwnSegments> ownSegments(Hash blockRoot) {
    synchronized (chain.lock()) {
      return storage.body(blockRoot).flatMap(StorageChainView::ownSegmentsOf);
    }
  }

  /**
   * Walks back from {@code tipRoot} through the bodies until one includes a block of {@code
   * childShard}. Answers are cached per (block, child shard): stored blocks never change, and the
   * walk of a child of a cached block stops at its parent.
   */
  @Override
  public Hash lastIncludedChild(Hash tipRoot, ShardIndex childShard) {
    synchronized (chain.lock()) {
      List<ChildKey> walked = new ArrayList<>();
      Hash root = tipRoot;
      Hash found = null;
      while (found == null) {
        ChildKey key = new ChildKey(root, childShard);
        Hash cached = lastIncluded.get(key);
        if (cached != null) {
          found = cached;
          break;
        }
        walked.add(key);
        BlockHeader header = walker.header(root);
        List<BlockHeader> children = childHeaders(walker.body(root));
        for (int i = children.size() - 1; i >= 0 && found == null; i--) {
          if (children.get(i).prefix().shardIndex().equals(childShard)) {
            found = children.get(i).root(chain.params());
          }
        }
        if (found == null && header.prefix().number().value() == 0) {
          found = chain.genesis().of(childShard).root();
        }
        root = header.prefix().parentRoot();
      }
      for (ChildKey key : walked) {
        lastIncluded.put(key, found);
      }
      return found;
    }
  }

  @Override
  public Optional<Bytes> potOutput(Slot slot) {
    return chain.pot().output(slot);
  }

  @Override
  public Optional<OwnSegments> expectedOwnSegments(ShardIndex shard, Hash parentRoot) {
    synchronized (chain.lock()) {
      BlockHeader parent = walker.header(parentRoot);
      return chain
          .archiver(shard)
          .expectedOwnSegments(parentRoot, new BlockNumber(parent.prefix().number().value() + 1));
    }
  }

  /**
   * Global segments in the super segment chain in force after {@code beaconRoot} (its last super
   * segment's max index + 1), or 1 before the first: the genesis segment is known from the start.
   */
  @Override
  public Optional<HistorySize> historySizeAt(Hash beaconRoot) {
    synchronized (chain.lock()) {
      HistorySize cached = historySizes.get(beaconRoot);
      if (cached != null) {
        return Optional.of(cached);
      }
      Optional<BlockHeader> header = storage.header(beaconRoot);
      if (header.isEmpty() || !(header.get() instanceof BeaconBlockHeader)) {
        return Optional.empty();
      }
      HistorySize size =
          chain
              .deriver()
              .previousFor(beaconRoot)
              .map(h -> new HistorySize(h.maxSegmentIndex().value() + 1))
              .orElse(HistorySize.ONE);
      historySizes.put(beaconRoot, size);
      return Optional.of(size);
    }
  }

  @Override
  public Optional<SuperSegmentHeader> byIndex(SuperSegmentIndex index) {
    synchronized (chain.lock()) {
      Optional<SuperSegmentHeader> stored = storage.superSegmentHeader(index);
      if (stored.isEmpty() && index.value() == 0) {
        return Optional.of(chain.genesisSuperSegment());
      }
      return stored;
    }
  }

  @Override
  public Optional<SuperSegmentHeader> containing(GlobalSegmentIndex segment) {
    synchronized (chain.lock()) {
      Optional<SuperSegmentHeader> last = storage.lastSuperSegmentHeader();
      if (last.isEmpty()) {
        return segment.value() == 0 ? Optional.of(chain.genesisSuperSegment()) : Optional.empty();
      }
      if (Long.compareUnsigned(segment.value(), last.get().maxSegmentIndex().value()) > 0) {
        return Optional.empty();
      }
      // Max segment indices increase with the index: the first whose max is >= segment.
      long lo = 0;
      long hi = last.get().index().value();
      while (lo < hi) {
        long mid = (lo + hi) >>> 1;
        SuperSegmentHeader h = byIndex(new SuperSegmentIndex(mid)).orElseThrow();
        if (h.maxSegmentIndex().value() < segment.value()) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return byIndex(new SuperSegmentIndex(lo));
    }
  }

  static Optional<OwnSegments> ownSegmentsOf(BlockBody body) {
    return switch (body) {
      case BeaconBlockBody b -> b.ownSegments();
      case IntermediateBlockBody b -> b.ownSegments();
      case LeafBlockBody b -> b.ownSegments();
    };
  }

  static List<BlockHeader> childHeaders(BlockBody body) {
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
