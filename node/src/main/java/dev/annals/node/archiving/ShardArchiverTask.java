package dev.annals.node.archiving;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.DatabaseCorruptionException;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.SegmentHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;

/**
 * One shard's archiving (docs/node-archiving.md). The archiving step of block N archives the block
 * that N makes {@code block confirmation depth} deep, {@code N − depth} (genesis: at N = 1), and
 * the segments it completes are N's own segments. A step depends only on N's number and N's parent
 * chain, so a producer can ask for it before N exists and an importer can check N against it.
 *
 * <p>The archiver cannot take a block back, so each confirmed block is fed exactly once; steps are
 * kept in memory until a committed batch holds them, so a block that is built or checked but never
 * stored costs nothing and a retry gets the same answer. Not thread-safe: one task per shard, used
 * by that shard's import thread.
 */
public final class ShardArchiverTask {
  private final ChainStorage storage;
  private final StoredArchive stored;
  private final ChainWalker walker;
  private final GenesisBlocks genesis;
  private final ShardIndex shard;
  private final ProtocolParameters params;
  private final ForkJoinPool pool;
  private final long depth;

  /** Null until the genesis block is fed. */
  private SegmentArchiver archiver;

  private long fedThrough = -1;
  private Hash fedRoot;

  /** Steps fed in this process and perhaps not committed yet, by archived block number. */
  private final TreeMap<Long, ArchivingStep> pending = new TreeMap<>();

  private ShardArchiverTask(
      ChainStorage storage, GenesisBlocks genesis, ShardIndex shard, ForkJoinPool pool) {
    this.storage = storage;
    this.stored = new StoredArchive(storage, shard);
    this.walker = new ChainWalker(storage);
    this.genesis = genesis;
    this.shard = shard;
    this.params = storage.params();
    this.pool = pool;
    this.depth = params.blockConfirmationDepth();
  }

  /**
   * The task of {@code shard}, resumed from what storage holds: the archiver continues exactly
   * where the last committed step left it. {@code pool} runs the per-record work (null: the calling
   * thread).
   *
   * @throws DatabaseCorruptionException the stored state, segment headers and blocks disagree
   */
  public static ShardArchiverTask open(
      ChainStorage storage, GenesisBlocks genesis, ShardIndex shard, ForkJoinPool pool) {
    if (!genesis.spec().parameters().equals(storage.params())) {
      throw new IllegalArgumentException(
          "genesis: chain spec "
              + genesis.spec().name()
              + " runs other parameters than the storage's preset "
              + storage.params().name());
    }
    genesis.of(shard);
    ShardArchiverTask task = new ShardArchiverTask(storage, genesis, shard, pool);
    task.resume();
    return task;
  }

  public ShardIndex shard() {
    return shard;
  }

  /**
   * The number of the block whose archiving is block {@code number}'s step, or -1 for none: block 0
   * (genesis) at block 1, block {@code number − depth} once that is at least 1.
   */
  public static long archivedBy(long number, long depth) {
    if (number == 1) {
      return 0;
    }
    long confirmed = number - depth;
    return number > 1 && confirmed >= 1 ? confirmed : -1;
  }

  /** The last block fed to the archiver in this process (committed or not), -1 for none. */
  public long fedThrough() {
    return fedThrough;
  }

  /**
   * The own segments block {@code number} on the stored parent {@code parentRoot} must carry: for
   * the producer, what to put in the body; for the importer, the OWN_SEGMENTS check. Feeds the
   * archiver when the step is new (kept in memory until {@link #archive} commits it); repeating the
   * question returns the same answer.
   *
   * @throws ConfirmedReorgException the parent's chain disagrees with an archived block
   */
  public Optional<OwnSegments> expectedOwnSegments(Hash parentRoot, BlockNumber number) {
    BlockHeader parent = walker.header(parentRoot);
    checkChild(parent, parentRoot, number);
    long confirmed = archivedBy(number.value(), depth);
    if (confirmed < 0) {
      return Optional.empty();
    }
    List<SegmentHeader> headers =
        step(confirmed, walker.ancestor(parentRoot, new BlockNumber(confirmed)));
    if (headers.isEmpty()) {
      return Optional.empty();
    }
    if (headers.size() > OwnSegments.MAX) {
      throw new IllegalStateException(
          "shard "
              + shard
              + ": archiving block "
              + confirmed
              + " completed "
              + headers.size()
              + " segments, more than the "
              + OwnSegments.MAX
              + " one block body can carry");
    }
    return Optional.of(
        new OwnSegments(headers.getFirst().index(), headers.stream().map(h -> h.root()).toList()));
  }

  /**
   * Puts into {@code write} everything the steps up to {@code head}'s own hold that no committed
   * batch holds yet: segment headers, all their pieces and the archiver state. Call it in the batch
   * that makes {@code head} (root {@code headRoot}; it need not be stored yet, its parent must be)
   * this shard's best block. Returns the segment headers written, in index order.
   *
   * @throws ConfirmedReorgException {@code head}'s chain disagrees with an archived block
   */
  public List<SegmentHeader> archive(BlockWrite write, Hash headRoot, BlockHeader head) {
    if (!head.prefix().shardIndex().equals(shard)) {
      throw new IllegalArgumentException(
          "head: must be a block of shard "
              + shard
              + " (value shard "
              + head.prefix().shardIndex()
              + ")");
    }
    long number = head.prefix().number().value();
    long confirmed = archivedBy(number, depth);
    if (confirmed < 0) {
      return List.of();
    }
    Hash confirmedRoot = walker.ancestor(head.prefix().parentRoot(), new BlockNumber(confirmed));
    step(confirmed, confirmedRoot);
    long committed = stored.committedThrough();
    pending.headMap(committed, true).clear();
    if (committed >= confirmed) {
      // A best chain that moved to a heavier but shorter fork: nothing new is confirmed.
      return List.of();
    }
    List<SegmentHeader> written = new ArrayList<>();
    ArchivingStep last = null;
    for (ArchivingStep step : pending.headMap(confirmed, true).values()) {
      for (ArchivedSegment segment : step.segments()) {
        write.putSegmentHeader(shard, segment.header());
        write.putSegmentPieces(shard, segment.header().index(), segment.pieces());
        written.add(segment.header());
      }
      last = step;
    }
    if (last == null || last.blockNumber() != confirmed) {
      throw new IllegalStateException(
          "shard " + shard + ": step of block " + confirmed + " missing from memory");
    }
    write.putArchiverState(
        shard,
        new ArchiverState(new BlockNumber(confirmed), confirmedRoot, last.nextSegmentIndex())
            .encode());
    return written;
  }

  private void checkChild(BlockHeader parent, Hash parentRoot, BlockNumber number) {
    if (!parent.prefix().shardIndex().equals(shard)) {
      throw new IllegalArgumentException(
          "parent "
              + parentRoot
              + ": must be a block of shard "
              + shard
              + " (value shard "
              + parent.prefix().shardIndex()
              + ")");
    }
    if (number.value() != parent.prefix().number().value() + 1) {
      throw new IllegalArgumentException(
          "number: must be one more than parent "
              + parentRoot
              + "'s "
              + parent.prefix().number()
              + " (value "
              + number
              + ")");
    }
  }

  /** The segment headers block {@code number} (root {@code root}) completed, feeding if new. */
  private List<SegmentHeader> step(long number, Hash root) {
    if (number <= fedThrough) {
      Hash archived = walker.ancestor(fedRoot, new BlockNumber(number));
      if (!archived.equals(root)) {
        throw reorg(number, root, archived);
      }
      ArchivingStep step = pending.get(number);
      return step != null
          ? step.segments().stream().map(ArchivedSegment::header).toList()
          : stored.closedBy(number);
    }
    List<Hash> roots = walker.roots(root, new BlockNumber(fedThrough + 1));
    if (fedThrough >= 0) {
      Hash parentOfFirst = walker.header(roots.getFirst()).prefix().parentRoot();
      if (!parentOfFirst.equals(fedRoot)) {
        throw reorg(fedThrough, walker.ancestor(root, new BlockNumber(fedThrough)), fedRoot);
      }
    }
    for (Hash next : roots) {
      feed(fedThrough + 1, next);
    }
    return pending.get(number).segments().stream().map(ArchivedSegment::header).toList();
  }

  private void feed(long number, Hash root) {
    byte[] bytes = archiverBytes(number, root);
    if (archiver == null) {
      archiver = SegmentArchiver.create(params, shard, pool);
    }
    if (archiver.nextBlockNumber() != number) {
      throw new IllegalStateException(
          "shard "
              + shard
              + ": the archiver expects block "
              + archiver.nextBlockNumber()
              + ", not "
              + number);
    }
    List<ArchivedSegment> segments = archiver.addBlock(bytes);
    fedThrough = number;
    fedRoot = root;
    pending.put(number, new ArchivingStep(number, root, segments, archiver.nextSegmentIndex()));
  }

  /**
   * A block as its shard's history holds it: the beacon genesis padded to one segment, every other
   * block (other shards' genesis blocks included, so that reconstruction yields every block) as its
   * plain archiver bytes.
   */
  private byte[] archiverBytes(long number, Hash root) {
    if (number == 0) {
      Hash expected = genesis.of(shard).root();
      if (!root.equals(expected)) {
        throw new IllegalStateException(
            "shard "
                + shard
                + ": stored genesis "
                + root
                + " is not chain "
                + genesis.spec().name()
                + "'s genesis "
                + expected);
      }
      if (shard.equals(ShardIndex.BEACON)) {
        return genesis.beaconArchiverBytes();
      }
    }
    return new Block(walker.header(root), walker.body(root)).archiverBytes(params);
  }

  private void resume() {
    Optional<ArchiverState> storedState = stored.state();
    Optional<SegmentHeader> lastHeader = stored.lastHeader();
    if (storedState.isEmpty()) {
      if (lastHeader.isPresent()) {
        throw stored.corruption("segment headers are stored but no archiver state");
      }
      return;
    }
    ArchiverState state = storedState.get();
    BlockHeader fed =
        storage
            .header(state.fedRoot())
            .orElseThrow(
                () ->
                    stored.corruption(
                        "archiver state names block " + state.fedRoot() + ", not stored"));
    if (fed.prefix().number().value() != state.fedThrough().value()
        || !fed.prefix().shardIndex().equals(shard)) {
      throw stored.corruption(
          "archiver state names block "
              + state.fedRoot()
              + " as number "
              + state.fedThrough()
              + " of shard "
              + shard
              + " but it is number "
              + fed.prefix().number()
              + " of shard "
              + fed.prefix().shardIndex());
    }
    long lastIndex = lastHeader.map(h -> h.index().value()).orElse(-1L);
    if (lastIndex + 1 != state.nextSegmentIndex()) {
      throw stored.corruption(
          "archiver state expects "
              + state.nextSegmentIndex()
              + " segments but the last stored segment header is number "
              + lastIndex);
    }
    long firstToFeed;
    if (lastHeader.isEmpty()) {
      archiver = SegmentArchiver.create(params, shard, pool);
      firstToFeed = 0;
    } else {
      LastArchivedBlock lastBlock = lastHeader.get().lastArchivedBlock();
      long lastNumber = lastBlock.number().value();
      if (lastNumber > state.fedThrough().value()) {
        throw stored.corruption(
            "segment "
                + lastIndex
                + " names block "
                + lastNumber
                + " but the archiver state was fed only through "
                + state.fedThrough());
      }
      byte[] partial =
          lastBlock.isComplete()
              ? null
              : archiverBytes(lastNumber, walker.ancestor(state.fedRoot(), lastBlock.number()));
      archiver = SegmentArchiver.resume(params, shard, lastHeader.get(), partial, pool);
      firstToFeed = lastNumber + 1;
    }
    for (Hash root : walker.roots(state.fedRoot(), new BlockNumber(firstToFeed))) {
      long number = archiver.nextBlockNumber();
      if (!archiver.addBlock(archiverBytes(number, root)).isEmpty()) {
        throw stored.corruption(
            "re-archiving block "
                + number
                + " completed a segment that storage does not hold (state fed through "
                + state.fedThrough()
                + ")");
      }
    }
    fedThrough = state.fedThrough().value();
    fedRoot = state.fedRoot();
  }

  private ConfirmedReorgException reorg(long number, Hash onChain, Hash archived) {
    return new ConfirmedReorgException(
        "shard "
            + shard
            + ": block "
            + number
            + " on this chain is "
            + onChain
            + " but "
            + archived
            + " was archived there; re-orgs below the confirmation depth of "
            + depth
            + " blocks are refused");
  }
}
