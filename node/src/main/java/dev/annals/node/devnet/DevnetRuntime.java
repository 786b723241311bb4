package dev.annals.node.devnet;

import dev.annals.blockproducer.BeaconBlockProducer;
import dev.annals.blockproducer.BlockBuilder;
import dev.annals.blockproducer.IntermediateBlockProducer;
import dev.annals.blockproducer.LeafBlockProducer;
import dev.annals.blockproducer.ProductionOutcome;
import dev.annals.blockproducer.SlotClaim;
import dev.annals.blockproducer.SlotWorker;
import dev.annals.consensus.pot.PotSlot;
import dev.annals.consensus.pot.SlotClock;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardRotation;
import dev.annals.consensus.solution.SolutionVerifier;
import dev.annals.farmer.DevnetFarms;
import dev.annals.farmer.Farm;
import dev.annals.farmer.FarmEvent;
import dev.annals.farmer.Farmer;
import dev.annals.farmer.ShardEligibility;
import dev.annals.farmer.ShardSolution;
import dev.annals.farmer.SlotNotification;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.kernel.Kernels;
import dev.annals.node.chain.BlockImporter;
import dev.annals.node.chain.ImportResult;
import dev.annals.node.chain.NodeChain;
import dev.annals.node.chain.NodeChainSource;
import dev.annals.node.chain.PotOutputs;
import dev.annals.node.chain.TransactionPool;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.PotParametersChange;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A whole devnet in one process (docs/devnet.md): storage, genesis, the proof-of-time slot clock,
 * the import pipeline, the producers of every shard kind behind one {@link SlotWorker}, and an
 * embedded farmer whose identities win blocks with real proofs of space.
 *
 * <p>Threads: the slot clock proves and announces slots; for slot {@code t} it records the
 * checkpoints and announces slot {@code t − block authoring delay} to the farmer (a block of a slot
 * needs the output of the slot the delay later). The farmer audits on its own thread and hands each
 * solution to the single producer thread, which builds, seals and imports under the chain's lock.
 * The farmer plots on its plotting thread.
 *
 * <p>{@link #close} stops, in order: the slot clock (no more slots), the farmer (its slot and
 * plotting threads, then its farms' files), the producer thread (after the block in hand), and
 * storage last, so nothing writes to a closed database.
 */
public final class DevnetRuntime implements AutoCloseable {
  /** Pooled transactions per leaf shard at most. */
  private static final int POOL_PER_SHARD = 4096;

  /** Size of one load transaction at most. */
  private static final int MAX_TRANSACTION_BYTES = 8192;

  /** Child blocks of one shard one body carries at most. */
  private static final int MAX_CHILD_BLOCKS = 16;

  private final DevnetConfig config;
  private final ProtocolParameters params;
  private final Consumer<String> log;
  private final ChainStorage storage;
  private final NodeChain chain;
  private final PotOutputs pot;
  private final TransactionPool transactions;
  private final BlockImporter importer;
  private final SlotWorker worker;
  private final EmbeddedNodeView view;
  private final Farmer farmer;
  private final SlotClock clock;
  private final ExecutorService producerThread;
  private final Object potLock = new Object();
  private final Map<ShardIndex, AtomicLong> imported = new LinkedHashMap<>();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong droppedForPot = new AtomicLong();
  private final AtomicLong staleSolutions = new AtomicLong();
  private final AtomicLong slotsPublished = new AtomicLong();
  private final AtomicLong slotsFarmed = new AtomicLong();
  private final Map<Long, SlotNotification> announced = new ConcurrentHashMap<>();
  private final Map<Hash, Set<ShardIndex>> farmedShards = new ConcurrentHashMap<>();
  private final LeafLandingClock landing;
  private final SplittableRandom txRandom = new SplittableRandom(7);
  private volatile long announcedSlot;
  private volatile PotParametersChange scheduledChange;
  private volatile Throwable failure;
  private volatile boolean closed;

  private DevnetRuntime(DevnetConfig config, Consumer<String> log) throws IOException {
    this.config = config;
    this.params = config.spec().parameters();
    this.log = log;
    Files.createDirectories(config.dataDir());
    this.storage = ChainStorage.open(config.dataDir(), config.spec(), config.storage());
    try {
      GenesisBlocks genesis = new GenesisBlocks(config.spec());
      this.pot = new PotOutputs(4096);
      this.transactions = new TransactionPool(POOL_PER_SHARD, MAX_TRANSACTION_BYTES);
      this.chain = NodeChain.open(storage, genesis, pot, transactions, null);
      for (ShardIndex shard : chain.shards()) {
        imported.put(shard, new AtomicLong());
      }
      this.landing = new LeafLandingClock(storage, chain.shards());
      this.importer =
          new BlockImporter(chain, new SolutionVerifier(params), System::currentTimeMillis, 1024);
      NodeChainSource source = new NodeChainSource(chain, MAX_CHILD_BLOCKS);
      BlockBuilder builder = new BlockBuilder(params);
      this.view = new EmbeddedNodeView(chain);
      this.producerThread =
          Executors.newSingleThreadExecutor(
              Thread.ofPlatform().daemon().name("devnet-producer").factory());
      List<Farm> farms =
          DevnetFarms.create(
              params,
              view,
              config.identities(),
              config.sectorsPerIdentity(),
              config.dataDir().resolve("farms"),
              1,
              this::onFarmEvent);
      this.farmer =
          new Farmer(
              params, view, farms, this::onSolution, 1, report -> slotsFarmed.incrementAndGet());
      this.worker =
          new SlotWorker(
              params,
              List.of(
                  new BeaconBlockProducer(builder, source, source),
                  new IntermediateBlockProducer(builder, source, source),
                  new LeafBlockProducer(builder, source, source, 16 * 1024)),
              (owner, preSealHash) -> {
                try {
                  return Optional.of(farmer.seal(owner, preSealHash));
                } catch (IllegalArgumentException e) {
                  return Optional.empty();
                }
              },
              this::importProduced,
              System::currentTimeMillis);
      this.clock =
          new SlotClock(
              Kernels.proofOfTime(),
              chain.nextClockInput(),
              Duration.ofMillis(params.slotDurationMillis()),
              this::fail);
      clock.addListener(this::onPotSlot);
    } catch (RuntimeException | IOException e) {
      storage.close();
      throw e;
    }
  }

  /**
   * Opens (or creates) the devnet's data directory and starts every part. A data directory of
   * another chain spec or preset is refused by storage.
   */
  public static DevnetRuntime start(DevnetConfig config, Consumer<String> log) throws IOException {
    DevnetRuntime runtime = new DevnetRuntime(config, log);
    try {
      runtime.startParts();
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  private void startParts() {
    ChainHead beacon = chain.bestHead(ShardIndex.BEACON);
    BeaconBlockHeader best =
        (BeaconBlockHeader) chain.storage().header(beacon.root()).orElseThrow();
    announcedSlot = pot.latestSlot();
    long nextSlot = chain.nextClockInput().slot().value();
    // The best beacon block's pending change is known to the clock either way: nextClockInput
    // applied it if its slot is at or before the first one, else it is scheduled here. Blocks
    // that carry it on are then not mistaken for bringing a new one.
    Optional<PotParametersChange> pending = best.consensusParameters().potParametersChange();
    pending.filter(c -> c.slot().value() > nextSlot).ifPresent(clock::schedule);
    scheduledChange = pending.orElse(null);
    log.accept(
        "devnet "
            + config.spec().name()
            + " (digest "
            + config.spec().digest()
            + ") in "
            + config.dataDir()
            + ": beacon at #"
            + beacon.number()
            + ", proof of time resumes at slot "
            + (pot.latestSlot() + 1));
    log.accept("kernels: " + Kernels.describe());
    farmer.start();
    clock.start();
  }

  /** On the slot clock's thread. */
  private void onPotSlot(PotSlot slot) {
    synchronized (potLock) {
      pot.onSlot(slot);
      importer.potVerifier().rememberProven(slot);
      announcedSlot = slot.input().slot().value();
    }
    submitTransactions();
    long farmed = announcedSlot - params.blockAuthoringDelaySlots();
    if (farmed < 1) {
      return;
    }
    Slot s = new Slot(farmed);
    Optional<Bytes> output = pot.output(s);
    if (output.isEmpty()) {
      return;
    }
    SlotNotification notification = notification(s, output.get());
    announced.put(farmed, notification);
    announced.keySet().removeIf(k -> k < farmed - 64);
    slotsPublished.incrementAndGet();
    view.publish(notification);
    Map<Hash, Set<ShardIndex>> now =
        farmer.leafShards(notification.membershipEntropy(), notification.numShards());
    now.forEach(
        (owner, shards) ->
            farmedShards.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).addAll(shards));
    if (importer.pendingCount() > 0) {
      producerThread.execute(this::retryPending);
    }
  }

  /**
   * The slot as the next blocks judge solutions: the solution ranges after the best beacon block
   * (the beacon block built on it takes its pending retargeted range, shard blocks naming it its
   * own), its shard counts, the membership entropy in force for the beacon block after it (the one
   * a shard block naming the best beacon block is judged by too) and the history size in force
   * after it.
   */
  private SlotNotification notification(Slot slot, Bytes output) {
    synchronized (chain.lock()) {
      ChainHead head = chain.bestHead(ShardIndex.BEACON);
      BeaconBlockHeader best = (BeaconBlockHeader) storage.header(head.root()).orElseThrow();
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

  private void submitTransactions() {
    int bytes = config.txBytesPerSlot();
    if (bytes == 0) {
      return;
    }
    for (ShardIndex shard : chain.shards()) {
      if (shard.kind() != ShardKind.LEAF) {
        continue;
      }
      // Split into transactions the pool takes; a full pool refuses the rest (the load outruns
      // the shard's blocks).
      for (int left = bytes; left > 0; left -= MAX_TRANSACTION_BYTES) {
        byte[] tx = new byte[Math.min(left, MAX_TRANSACTION_BYTES)];
        synchronized (txRandom) {
          txRandom.nextBytes(tx);
        }
        if (!transactions.submit(shard, Bytes.wrap(tx))) {
          break;
        }
      }
    }
  }

  /** On the farmer's thread: production happens on the producer thread. */
  private void onSolution(ShardSolution solution) {
    if (closed) {
      return;
    }
    producerThread.execute(() -> produce(solution));
  }

  private void produce(ShardSolution solution) {
    if (closed) {
      return;
    }
    Slot slot = solution.slot();
    Optional<Bytes> proofOfTime = pot.output(slot);
    Optional<Bytes> future = pot.output(new Slot(slot.value() + params.blockAuthoringDelaySlots()));
    if (proofOfTime.isEmpty() || future.isEmpty()) {
      return;
    }
    SlotClaim claim =
        new SlotClaim(slot, proofOfTime.get(), future.get(), solution.shard(), solution.solution());
    SlotNotification farmedAs = announced.get(slot.value());
    try {
      ProductionOutcome outcome;
      synchronized (chain.lock()) {
        // The best beacon block may have moved since the slot was announced: a solution found
        // under other membership terms would be rejected, and so would one outside the range its
        // block is now judged by (a retarget in between) or whose sector has expired at the new
        // history size, so it is not used.
        SlotNotification now = notification(slot, proofOfTime.get());
        if (farmedAs == null
            || !now.membershipEntropy().equals(farmedAs.membershipEntropy())
            || !now.numShards().equals(farmedAs.numShards())) {
          staleSolutions.incrementAndGet();
          return;
        }
        if (!ShardEligibility.qualifies(
            solution.distance(), solution.shard(), now.solutionRanges(), now.numShards())) {
          staleSolutions.incrementAndGet();
          log.accept(
              "solution of slot "
                  + slot
                  + " for shard "
                  + solution.shard()
                  + " not used: out of the range its block is judged by after beacon block"
                  + " changes ("
                  + now.solutionRanges()
                  + ")");
          return;
        }
        if (!now.historySize().equals(farmedAs.historySize())
            && !farmer.usableAt(solution.solution(), now.historySize())) {
          staleSolutions.incrementAndGet();
          log.accept(
              "solution of slot "
                  + slot
                  + " for shard "
                  + solution.shard()
                  + " not used: its sector (history size "
                  + solution.solution().historySize()
                  + ") expired as history grew from "
                  + farmedAs.historySize()
                  + " to "
                  + now.historySize());
          return;
        }
        outcome = worker.offer(claim);
      }
      if (outcome.status() != ProductionOutcome.Status.PRODUCED
          && outcome.status() != ProductionOutcome.Status.SLOT_TAKEN) {
        log.accept("production declined: " + outcome.detail());
      }
    } catch (RuntimeException e) {
      rejected.incrementAndGet();
      log.accept("production of shard " + claim.shard() + " at slot " + slot + " failed: " + e);
    }
  }

  /**
   * The slot worker's import hand-off. A beacon block that schedules a new proof-of-time parameters
   * change is imported only while this node's clock has not passed the change's slot (then the
   * clock is told the change under the same lock its slot listener takes); otherwise the clock and
   * the chain would disagree from that slot on, and the block is dropped.
   */
  private void importProduced(Block block) {
    ImportResult result;
    if (block.header() instanceof BeaconBlockHeader beacon
        && beacon.consensusParameters().potParametersChange().isPresent()
        && !beacon.consensusParameters().potParametersChange().get().equals(scheduledChange)) {
      PotParametersChange change = beacon.consensusParameters().potParametersChange().get();
      synchronized (potLock) {
        if (change.slot().value() <= announcedSlot + 1) {
          droppedForPot.incrementAndGet();
          log.accept(
              "beacon block #"
                  + beacon.prefix().number()
                  + " dropped: its proof-of-time change at slot "
                  + change.slot()
                  + " is not ahead of the clock (slot "
                  + announcedSlot
                  + ")");
          return;
        }
        result = importer.importBlock(block);
        if (result.status() == ImportResult.Status.IMPORTED_BEST) {
          clock.schedule(change);
          scheduledChange = change;
        }
      }
    } else {
      result = importer.importBlock(block);
    }
    account(result);
  }

  private void retryPending() {
    synchronized (chain.lock()) {
      importer.retryPending().forEach(this::account);
    }
  }

  private void account(ImportResult result) {
    switch (result.status()) {
      case IMPORTED_BEST, IMPORTED_SIDE -> {
        imported.get(result.shard()).incrementAndGet();
        landing.afterImport(result.shard());
      }
      case REJECTED, REFUSED -> {
        rejected.incrementAndGet();
        log.accept("import: " + result);
      }
      case HELD_BACK -> log.accept("import: " + result);
      case ALREADY_KNOWN -> {}
    }
    result.released().forEach(this::account);
  }

  private void onFarmEvent(FarmEvent event) {
    switch (event) {
      case FarmEvent.SectorPlotted e ->
          log.accept(
              "farm "
                  + e.owner().toHex().substring(0, 8)
                  + ": sector "
                  + e.sector()
                  + (e.replot() ? " replotted" : " plotted")
                  + " at history size "
                  + e.historySize()
                  + " in "
                  + e.took().toMillis()
                  + " ms ("
                  + e.ready()
                  + "/"
                  + e.total()
                  + ")");
      case FarmEvent.SectorReused e ->
          log.accept(
              "farm "
                  + e.owner().toHex().substring(0, 8)
                  + ": sector "
                  + e.sector()
                  + " re-used ("
                  + e.ready()
                  + "/"
                  + e.total()
                  + ")");
      case FarmEvent.SectorExpired e ->
          log.accept(
              "farm "
                  + e.owner().toHex().substring(0, 8)
                  + ": sector "
                  + e.sector()
                  + " expired at history size "
                  + e.expiration()
                  + " (now "
                  + e.current()
                  + "), replotting it");
      default -> log.accept("farm " + event.owner().toHex().substring(0, 8) + ": " + event);
    }
  }

  private void fail(Throwable t) {
    failure = t;
    log.accept("slot clock stopped: " + t);
  }

  /** The failure that stopped the slot clock, if any. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  public ChainStorage storage() {
    return storage;
  }

  public NodeChain chain() {
    return chain;
  }

  /** Beacon blocks dropped because their proof-of-time change came too late for the clock. */
  public long droppedForPot() {
    return droppedForPot.get();
  }

  /** Solutions not used because the best beacon block changed their routing terms. */
  public long staleSolutions() {
    return staleSolutions.get();
  }

  /** Every leaf shard each identity has farmed during this run, by public key hash. */
  public Map<Hash, Set<ShardIndex>> leafShardsFarmedSoFar() {
    Map<Hash, Set<ShardIndex>> out = new LinkedHashMap<>();
    farmedShards.forEach((k, v) -> out.put(k, new TreeSet<>(v)));
    return out;
  }

  /** A consistent-enough snapshot (each figure read once; import may move on meanwhile). */
  public DevnetSummary summary() {
    List<ShardSummary> shards = new ArrayList<>();
    for (ShardIndex shard : chain.shards().stream().sorted().toList()) {
      ChainHead head = chain.bestHead(shard);
      shards.add(
          new ShardSummary(
              shard,
              head.number().value(),
              imported.get(shard).get(),
              storage.segmentCount(shard)));
    }
    Optional<SuperSegmentHeader> last = storage.lastSuperSegmentHeader();
    long superSegments = last.map(h -> h.index().value() + 1).orElse(0L);
    long globalPieces =
        last.map(h -> (h.maxSegmentIndex().value() + 1) * params.piecesPerSegment()).orElse(0L);
    Map<Hash, Set<ShardIndex>> byIdentity = Map.of();
    long farmed = announcedSlot - params.blockAuthoringDelaySlots();
    if (farmed >= 1) {
      Optional<Bytes> output = pot.output(new Slot(farmed));
      if (output.isPresent()) {
        SlotNotification n = notification(new Slot(farmed), output.get());
        byIdentity = farmer.leafShards(n.membershipEntropy(), n.numShards());
      }
    }
    return new DevnetSummary(
        announcedSlot,
        shards,
        superSegments,
        globalPieces,
        byIdentity,
        rejected.get(),
        farmer.replots(),
        landing.meanMillis(),
        landing.landed());
  }

  /**
   * Lets the farmer finish the slot in hand before it is closed: closing interrupts its slot
   * thread, and an interrupted read closes the sector file under it.
   */
  private void awaitFarmerIdle() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (slotsFarmed.get() + farmer.droppedSlots() < slotsPublished.get()
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops every thread and closes storage (see the class comment for the order). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      clock.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    awaitFarmerIdle();
    try {
      farmer.close();
    } catch (IOException e) {
      log.accept("closing the farms: " + e);
    }
    producerThread.shutdown();
    try {
      if (!producerThread.awaitTermination(30, TimeUnit.SECONDS)) {
        producerThread.shutdownNow();
        producerThread.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storage.close();
    log.accept("devnet stopped; storage closed");
  }
}
