package dev.annals.node.chain;

import dev.annals.consensus.pot.PotSeeds;
import dev.annals.consensus.pot.PotSlotInput;
import dev.annals.genesis.GenesisBlock;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.archiving.ShardArchiverTask;
import dev.annals.node.storage.BlockMeta;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.DatabaseCorruptionException;
import dev.annals.node.storage.GenesisWriter;
import dev.annals.node.supersegments.SegmentLander;
import dev.annals.node.supersegments.SuperSegmentDeriver;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.PotParametersChange;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * One node's chain state over its storage, for every shard of the chain spec: the archiver tasks,
 * the super segment deriver and lander, the proof-of-time store, the transaction pool and the
 * {@link StorageChainView} the block rules read. {@link BlockImporter} changes it and {@link
 * NodeChainSource} reads it for the producers; both hold {@link #lock()} for each call, so one node
 * imports one block at a time and producers never see half an import (docs/node-import.md).
 */
public final class NodeChain {
  private final Object lock = new Object();
  private final ChainStorage storage;
  private final GenesisBlocks genesis;
  private final ProtocolParameters params;
  private final Map<ShardIndex, ShardArchiverTask> tasks;
  private final SuperSegmentDeriver deriver;
  private final SegmentLander lander;
  private final PotOutputs pot;
  private final TransactionPool transactions;
  private final Bytes genesisPotSeed;
  private final SuperSegmentHeader genesisSuperSegment;
  private final StorageChainView view;

  private NodeChain(
      ChainStorage storage,
      GenesisBlocks genesis,
      Map<ShardIndex, ShardArchiverTask> tasks,
      PotOutputs pot,
      TransactionPool transactions) {
    this.storage = storage;
    this.genesis = genesis;
    this.params = storage.params();
    this.tasks = Collections.unmodifiableMap(tasks);
    this.deriver = new SuperSegmentDeriver(storage);
    this.lander = new SegmentLander(storage);
    this.pot = pot;
    this.transactions = transactions;
    this.genesisPotSeed =
        PotSeeds.genesis(genesis.beacon().root(), genesis.spec().potExternalEntropy().toBytes());
    this.genesisSuperSegment = genesisSuperSegment(tasks.get(ShardIndex.BEACON), genesis);
    this.view = new StorageChainView(this);
  }

  /**
   * Opens the chain state of {@code storage} for {@code genesis}'s chain spec: writes the genesis
   * blocks (and their {@link BlockMeta}) into a fresh database or checks them, resumes every
   * shard's archiver, and refills {@code pot} from the checkpoints in the best beacon chain's
   * recent bodies.
   *
   * @param archiverPool runs the archivers' per-record work (null: the importing thread)
   */
  public static NodeChain open(
      ChainStorage storage,
      GenesisBlocks genesis,
      PotOutputs pot,
      TransactionPool transactions,
      ForkJoinPool archiverPool) {
    if (!genesis.spec().parameters().equals(storage.params())) {
      throw new IllegalArgumentException(
          "genesis: chain spec "
              + genesis.spec().name()
              + " runs other parameters than the storage's ("
              + storage.params().name()
              + ")");
    }
    GenesisWriter.ensure(storage, genesis);
    ensureGenesisMeta(storage, genesis);
    Map<ShardIndex, ShardArchiverTask> tasks = new LinkedHashMap<>();
    for (GenesisBlock block : genesis.all()) {
      ShardIndex shard = block.header().prefix().shardIndex();
      tasks.put(shard, ShardArchiverTask.open(storage, genesis, shard, archiverPool));
    }
    NodeChain chain = new NodeChain(storage, genesis, tasks, pot, transactions);
    chain.refillPot();
    return chain;
  }

  private static void ensureGenesisMeta(ChainStorage storage, GenesisBlocks genesis) {
    List<GenesisBlock> missing =
        genesis.all().stream().filter(b -> storage.blockMeta(b.root()).isEmpty()).toList();
    if (missing.isEmpty()) {
      return;
    }
    try (BlockWrite write = storage.beginWrite()) {
      for (GenesisBlock block : missing) {
        write.putBlockMeta(block.root(), BlockMeta.genesis(block.root()));
      }
      write.commit();
    }
  }

  /**
   * Super segment 0 holds only the beacon genesis segment and is fixed by the chain spec: block 1
   * lands it, but solutions for block 1 must already prove pieces of it, so the node knows it from
   * the start (as Abundance's node knows the genesis segment before block 1).
   */
  private static SuperSegmentHeader genesisSuperSegment(
      ShardArchiverTask beacon, GenesisBlocks genesis) {
    OwnSegments own =
        beacon
            .expectedOwnSegments(genesis.beacon().root(), new BlockNumber(1))
            .orElseThrow(
                () -> new IllegalStateException("the beacon genesis completed no segment"));
    return SuperSegment.first(
            new BlockNumber(1),
            new ShardSegmentRoot(
                ShardIndex.BEACON, LocalSegmentIndex.ZERO, own.segmentRoots().getFirst()))
        .header();
  }

  /** Refills the proof-of-time store from the best beacon chain, newest bodies first. */
  private void refillPot() {
    Hash root = bestHead(ShardIndex.BEACON).root();
    int slots = 0;
    while (slots < pot.capacity()) {
      BlockHeader header = header(root);
      if (header.prefix().number().value() == 0) {
        return;
      }
      Hash at = root;
      BeaconBlockBody body =
          (BeaconBlockBody)
              storage
                  .body(at)
                  .orElseThrow(
                      () ->
                          new DatabaseCorruptionException(
                              "beacon block " + at + " has a header but no body"));
      pot.recordBlockCheckpoints(futureSlot(header), body.potCheckpoints());
      slots += body.potCheckpoints().size();
      root = header.prefix().parentRoot();
    }
  }

  /** The future proof-of-time slot of a block: its slot plus the block authoring delay. */
  Slot futureSlot(BlockHeader header) {
    return new Slot(header.consensusInfo().slot().value() + params.blockAuthoringDelaySlots());
  }

  /** The lock every read and write of this chain state holds. */
  public Object lock() {
    return lock;
  }

  public ChainStorage storage() {
    return storage;
  }

  public GenesisBlocks genesis() {
    return genesis;
  }

  public ProtocolParameters params() {
    return params;
  }

  /** Every shard of the chain spec: beacon, intermediate shards, leaf shards. */
  public List<ShardIndex> shards() {
    return List.copyOf(tasks.keySet());
  }

  public ShardArchiverTask archiver(ShardIndex shard) {
    ShardArchiverTask task = tasks.get(shard);
    if (task == null) {
      throw new IllegalArgumentException(
          "shard: not part of chain " + genesis.spec().name() + " (value " + shard + ")");
    }
    return task;
  }

  public SuperSegmentDeriver deriver() {
    return deriver;
  }

  public SegmentLander lander() {
    return lander;
  }

  public PotOutputs pot() {
    return pot;
  }

  public TransactionPool transactions() {
    return transactions;
  }

  public StorageChainView view() {
    return view;
  }

  /** The proof-of-time seed of slot 1 (genesis root and the spec's external entropy). */
  public Bytes genesisPotSeed() {
    return genesisPotSeed;
  }

  /**
   * Where a {@code SlotClock} started now continues the proof-of-time chain: the slot after the
   * newest one this node knows, with the iterations and pending entropy injection of the best
   * beacon block; slot 1 from the genesis seed when it knows none.
   */
  public PotSlotInput nextClockInput() {
    synchronized (lock) {
      long latest = pot.latestSlot();
      if (latest == 0) {
        return PotSlotInput.first(genesisPotSeed, genesis.spec().slotIterations());
      }
      ConsensusParameters best =
          ((BeaconBlockHeader) header(bestHead(ShardIndex.BEACON).root())).consensusParameters();
      PotParametersChange change = best.potParametersChange().orElse(null);
      long iterations =
          change != null && change.slot().value() <= latest
              ? change.slotIterations()
              : best.slotIterations();
      Slot slot = new Slot(latest);
      return PotSlotInput.next(iterations, slot, pot.output(slot).orElseThrow(), change);
    }
  }

  /** Super segment 0, known before beacon block 1 lands it. */
  public SuperSegmentHeader genesisSuperSegment() {
    return genesisSuperSegment;
  }

  /** The best block of {@code shard}. */
  public ChainHead bestHead(ShardIndex shard) {
    return storage
        .bestChain(shard)
        .orElseThrow(
            () ->
                new DatabaseCorruptionException(
                    "shard " + shard + " has no best chain in " + storage.database().path()));
  }

  /** The stored header of a block this node holds (an unknown root is a caller error). */
  BlockHeader header(Hash root) {
    return storage
        .header(root)
        .orElseThrow(() -> new IllegalArgumentException("block " + root + ": not stored"));
  }

  /** The stored meta of a block this node holds; a stored block without it is corruption. */
  BlockMeta meta(Hash root) {
    return storage
        .blockMeta(root)
        .orElseThrow(
            () ->
                new DatabaseCorruptionException(
                    "block "
                        + root
                        + " has no block_meta entry in "
                        + storage.database().path()
                        + ". It was not changed; restore a backup or resync into an empty data"
                        + " directory."));
  }

  Optional<BlockMeta> metaIfStored(Hash root) {
    return storage.blockMeta(root);
  }
}
