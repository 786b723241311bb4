package dev.annals.node.devnet;

import dev.annals.consensus.pot.SlotClock;
import dev.annals.consensus.solution.SolutionVerifier;
import dev.annals.farmer.DevnetFarms;
import dev.annals.farmer.Farm;
import dev.annals.farmer.Farmer;
import dev.annals.farmer.ShardSolution;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.kernel.Kernels;
import dev.annals.node.chain.BlockImporter;
import dev.annals.node.chain.NodeChain;
import dev.annals.node.chain.PotOutputs;
import dev.annals.node.chain.TransactionPool;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A whole devnet in one process (docs/devnet.md): storage, genesis, the proof-of-time slot clock,
 * the import pipeline, the producers of every shard kind behind one slot worker, and an embedded
 * farmer whose identities win blocks with real proofs of space. This class assembles the parts,
 * starts (or resumes) them and stops them; each step of a slot is its own class.
 *
 * <p>Threads: the slot clock proves slots and its listener ({@link SlotAnnouncer}) records each one
 * ({@link PotClockGate}) and announces slot {@code t − block authoring delay} to the farmer with
 * the terms its blocks are judged by ({@link SlotTerms}). The farmer audits on its own thread and
 * hands each solution to the single producer thread ({@link BlockProduction}), which builds, seals
 * and imports under the chain's lock. The farmer plots on its plotting thread.
 *
 * <p>{@link #close} stops, in order: the slot clock (no more slots), the farmer (its slot and
 * plotting threads, then its farms' files), the producer thread (after the block in hand), and
 * storage last, so nothing writes to a closed database.
 */
public final class DevnetRuntime implements AutoCloseable {
  /** Pooled transactions per leaf shard at most. */
  private static final int POOL_PER_SHARD = 4096;

  private final DevnetConfig config;
  private final Consumer<String> log;
  private final ChainStorage storage;
  private final NodeChain chain;
  private final PotOutputs pot;
  private final Farmer farmer;
  private final SlotClock clock;
  private final PotClockGate gate;
  private final BlockProduction production;
  private final SlotAnnouncer announcer;
  private final SummaryCollector summaries;
  private final AtomicLong slotsFarmed = new AtomicLong();
  private volatile Throwable failure;
  private volatile boolean closed;

  private DevnetRuntime(DevnetConfig config, Consumer<String> log) throws IOException {
    this.config = config;
    ProtocolParameters params = config.spec().parameters();
    this.log = log;
    Files.createDirectories(config.dataDir());
    this.storage = ChainStorage.open(config.dataDir(), config.spec(), config.storage());
    try {
      GenesisBlocks genesis = new GenesisBlocks(config.spec());
      this.pot = new PotOutputs(4096);
      TransactionPool transactions =
          new TransactionPool(POOL_PER_SHARD, TransactionLoad.MAX_TRANSACTION_BYTES);
      this.chain = NodeChain.open(storage, genesis, pot, transactions, null);
      LeafLandingClock landing = new LeafLandingClock(storage, chain.shards());
      BlockImporter importer =
          new BlockImporter(chain, new SolutionVerifier(params), System::currentTimeMillis, 1024);
      EmbeddedNodeView view = new EmbeddedNodeView(chain);
      List<Farm> farms =
          DevnetFarms.create(
              params,
              view,
              config.identities(),
              config.sectorsPerIdentity(),
              config.dataDir().resolve("farms"),
              1,
              new FarmEventLog(log));
      this.farmer =
          new Farmer(
              params, view, farms, this::onSolution, 1, report -> slotsFarmed.incrementAndGet());
      this.clock =
          new SlotClock(
              Kernels.proofOfTime(),
              chain.nextClockInput(),
              Duration.ofMillis(params.slotDurationMillis()),
              this::fail);
      this.gate = new PotClockGate(pot, importer, clock, log);
      SlotTerms terms = new SlotTerms(chain, params);
      AnnouncedSlots announced = new AnnouncedSlots();
      this.production =
          new BlockProduction(
              params, chain, pot, importer, gate, terms, announced, farmer, landing, log);
      this.announcer =
          new SlotAnnouncer(
              params,
              pot,
              gate,
              new TransactionLoad(config.txBytesPerSlot(), chain.shards(), transactions),
              terms,
              announced,
              view,
              farmer,
              production);
      this.summaries =
          new SummaryCollector(
              params, chain, pot, gate, announcer, terms, production, farmer, landing);
      clock.addListener(announcer::onPotSlot);
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

  /** Resumes the clock after the newest proven slot (docs/devnet.md "Stop and resume"). */
  private void startParts() {
    ChainHead beacon = chain.bestHead(ShardIndex.BEACON);
    BeaconBlockHeader best =
        (BeaconBlockHeader) chain.storage().header(beacon.root()).orElseThrow();
    gate.resume(best, chain.nextClockInput().slot().value());
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

  /** The farmer's solution sink (on the farmer's thread). */
  private void onSolution(ShardSolution solution) {
    if (closed) {
      return;
    }
    production.onSolution(solution);
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
    return gate.dropped();
  }

  /** Solutions not used because the best beacon block changed their routing terms. */
  public long staleSolutions() {
    return production.staleSolutions();
  }

  /** Every leaf shard each identity has farmed during this run, by public key hash. */
  public Map<Hash, Set<ShardIndex>> leafShardsFarmedSoFar() {
    return announcer.leafShardsFarmedSoFar();
  }

  /** A consistent-enough snapshot (each figure read once; import may move on meanwhile). */
  public DevnetSummary summary() {
    return summaries.collect();
  }

  /**
   * Lets the farmer finish the slot in hand before it is closed: closing interrupts its slot
   * thread, and an interrupted read closes the sector file under it.
   */
  private void awaitFarmerIdle() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (slotsFarmed.get() + farmer.droppedSlots() < announcer.published()
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
    production.stop();
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
    production.close();
    storage.close();
    log.accept("devnet stopped; storage closed");
  }
}
