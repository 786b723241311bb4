package dev.annals.farmer;

import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.Solution;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A farmer: several farms (identities) against one node. {@link #start} subscribes to slots; each
 * slot is farmed on the farmer's own thread (only the newest waiting slot is kept: a solution for a
 * slot that has passed is worthless) and, when the node's history has grown or sectors are still
 * missing, the farms sync on a separate plotting thread so plotting never delays a slot. The node's
 * slot worker asks {@link #seal} to sign a block built on one of this farmer's solutions.
 */
public final class Farmer implements AutoCloseable {
  private final ProtocolParameters params;
  private final NodeView node;
  private final List<Farm> farms;
  private final Map<Hash, FarmerIdentity> identities = new LinkedHashMap<>();
  private final SlotAuditor auditor;
  private final SolutionSink sink;
  private final Consumer<SlotReport> reports;
  private final ExecutorService slotThread;
  private final ExecutorService plottingThread;
  private final AtomicReference<SlotNotification> pending = new AtomicReference<>();
  private final AtomicReference<HistorySize> syncedAt = new AtomicReference<>();
  private final AtomicLong droppedSlots = new AtomicLong();
  private volatile boolean syncRunning;
  private SlotSubscription subscription;

  public Farmer(
      ProtocolParameters params,
      NodeView node,
      List<Farm> farms,
      SolutionSink sink,
      int provingThreads,
      Consumer<SlotReport> reports) {
    if (farms.isEmpty()) {
      throw new IllegalArgumentException("farmer: needs at least one farm (value 0 farms)");
    }
    this.params = params;
    this.node = node;
    this.farms = List.copyOf(farms);
    for (Farm farm : farms) {
      FarmerIdentity previous = identities.put(farm.identity().publicKeyHash(), farm.identity());
      if (previous != null) {
        throw new IllegalArgumentException(
            "farmer: two farms for identity " + farm.identity().publicKeyHash());
      }
    }
    this.auditor = new SlotAuditor(params, provingThreads);
    this.sink = sink;
    this.reports = reports;
    this.slotThread =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("farmer-slots").factory());
    this.plottingThread =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("farmer-plotting").factory());
  }

  public List<Farm> farms() {
    return farms;
  }

  /** Subscribes to the node's slots (and starts a first sync of every farm). */
  public synchronized void start() {
    if (subscription != null) {
      throw new IllegalStateException("farmer: already started");
    }
    requestSync();
    subscription = node.subscribeSlots(this::onSlot);
  }

  private void onSlot(SlotNotification slot) {
    if (pending.getAndSet(slot) != null) {
      droppedSlots.incrementAndGet();
      return;
    }
    slotThread.execute(this::farmPending);
  }

  /** On the farmer's thread: a remote node's history size is a network call. */
  private void farmPending() {
    SlotNotification slot = pending.getAndSet(null);
    if (slot == null) {
      return;
    }
    SlotReport report = farmSlot(slot);
    reports.accept(report);
    // A skipped sector may have expired without the history size changing since the last sync
    // (its expiration was learned for this slot): the sync replots it.
    if (report.skipped() > 0 || !node.historySize().equals(syncedAt.get()) || !allPlotted()) {
      requestSync();
    }
  }

  /** Farms one slot on the calling thread (what the subscription does for every slot). */
  public SlotReport farmSlot(SlotNotification slot) {
    return auditor.farm(slot, farms, sink);
  }

  /** Brings every farm up to date on the calling thread (see {@link Farm#sync}). */
  public void syncFarms() {
    HistorySize history = node.historySize();
    for (Farm farm : farms) {
      farm.sync();
    }
    syncedAt.set(history);
  }

  private synchronized void requestSync() {
    if (syncRunning) {
      return;
    }
    syncRunning = true;
    plottingThread.execute(
        () -> {
          try {
            syncFarms();
          } finally {
            syncRunning = false;
          }
        });
  }

  private boolean allPlotted() {
    for (Farm farm : farms) {
      if (farm.readySectors() < farm.totalSectors()) {
        return false;
      }
    }
    return true;
  }

  /** Expired sectors replotted by all farms since they were opened. */
  public long replots() {
    long sum = 0;
    for (Farm farm : farms) {
      sum += farm.replots();
    }
    return sum;
  }

  /**
   * Whether {@code solution} (one of this farmer's, found for a slot announced at an earlier
   * history size) still passes the verifier's history-size rules when its block is judged at {@code
   * current}: a node that builds the block on a newer beacon block than the one the slot was
   * announced with asks this. Exactly the verifier's rule, with the expiration computed from the
   * node's super segment headers (when the one it needs is unknown the verifier skips the check,
   * and so does this).
   */
  public boolean usableAt(Solution solution, HistorySize current) {
    HistorySize plotted = solution.historySize();
    if (!SectorLifetime.needsExpiration(plotted, current, params)) {
      return SectorLifetime.farmable(plotted, Optional.empty(), current, params);
    }
    Optional<HistorySize> expiration =
        SectorLifetime.expiration(
            SectorId.of(solution), plotted, node::superSegmentHeaderContaining, params);
    if (expiration.isEmpty()) {
      return plotted.compareTo(current) <= 0;
    }
    return SectorLifetime.farmable(plotted, expiration, current, params);
  }

  /** Slots skipped because a newer one arrived while the previous slot was still being farmed. */
  public long droppedSlots() {
    return droppedSlots.get();
  }

  /**
   * Seals a block built on a solution of identity {@code publicKeyHash}.
   *
   * @throws IllegalArgumentException if this farmer has no such identity
   */
  public Seal seal(Hash publicKeyHash, Hash preSealHash) {
    FarmerIdentity identity = identities.get(publicKeyHash);
    if (identity == null) {
      throw new IllegalArgumentException(
          "seal: this farmer has no identity with public key hash (value " + publicKeyHash + ")");
    }
    return identity.seal(preSealHash);
  }

  /** The leaf shards each identity's sectors farm while {@code entropy} is current. */
  public Map<Hash, Set<ShardIndex>> leafShards(MembershipEntropy entropy, NumShards numShards) {
    Map<Hash, Set<ShardIndex>> out = new LinkedHashMap<>();
    for (Farm farm : farms) {
      Set<ShardIndex> shards = new TreeSet<>();
      Set<HistorySize> seen = new HashSet<>();
      for (FarmSector sector : farm.sectors()) {
        if (seen.add(sector.historySize())) {
          shards.add(
              farm.identity().assignment(sector.historySize(), entropy, numShards).leafShard());
        }
      }
      out.put(farm.identity().publicKeyHash(), shards);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (subscription != null) {
        subscription.close();
      }
    }
    slotThread.shutdownNow();
    plottingThread.shutdownNow();
    try {
      slotThread.awaitTermination(10, TimeUnit.SECONDS);
      plottingThread.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<IOException> failures = new ArrayList<>();
    for (Farm farm : farms) {
      try {
        farm.close();
      } catch (IOException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
  }
}
