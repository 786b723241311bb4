package dev.annals.farmer;

import dev.annals.consensus.sector.CorruptSectorException;
import dev.annals.consensus.sector.SectorId;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One identity's sectors in one {@link SectorStore}: {@code sectorCount} sectors of the preset's
 * maximum piece count, indices 0 up. {@link #sync} brings the farm up to date with the node: it
 * re-uses sectors already in the store (after a full check), learns expirations once their check
 * point has landed, takes every expired sector out of farming, then plots missing sectors and
 * replots expired ones in place (same index, the node's history size at that moment) from verified
 * pieces ({@link FarmPlotter}). The auditor reads sectors under a read lock while a replot swaps
 * one in under the write lock ({@link FarmSectors}), so a slot never sees a half-replaced sector;
 * independently of any sync, a slot only audits sectors that pass the verifier's history-size rules
 * at the slot's history size ({@link SectorLifetime}), so a sync that is still busy replotting
 * never lets an expired sector win.
 */
public final class Farm implements AutoCloseable {
  private final ProtocolParameters params;
  private final FarmerIdentity identity;
  private final SectorStore store;
  private final NodeView node;
  private final FarmPlotter plotter;
  private final Consumer<FarmEvent> events;
  private final FarmSectors sectors;
  private final boolean[] opened;

  /** Sectors taken out of farming because they expired and not yet replotted. */
  private final boolean[] expired;

  private final AtomicLong replots = new AtomicLong();

  public Farm(
      ProtocolParameters params,
      FarmerIdentity identity,
      SectorStore store,
      int sectorCount,
      NodeView node,
      int plottingThreads,
      Consumer<FarmEvent> events) {
    if (sectorCount < 1 || sectorCount > 0xFFFF) {
      throw new IllegalArgumentException(
          "farm sector count: must be in 1..=65535 (value " + sectorCount + ")");
    }
    this.params = params;
    this.identity = identity;
    this.store = store;
    this.node = node;
    this.plotter = new FarmPlotter(params, identity, store, node, plottingThreads, events);
    this.events = events;
    this.sectors = new FarmSectors(sectorCount);
    this.opened = new boolean[sectorCount];
    this.expired = new boolean[sectorCount];
  }

  public FarmerIdentity identity() {
    return identity;
  }

  public int totalSectors() {
    return sectors.total();
  }

  /** Sectors currently farming. */
  public int readySectors() {
    return sectors.ready();
  }

  /** A snapshot of the sectors currently farming. */
  public List<FarmSector> sectors() {
    return sectors.snapshot();
  }

  /** Expired sectors replotted since this farm was opened. */
  public long replots() {
    return replots.get();
  }

  /**
   * Before a slot is audited at {@code history}: learns the expiration of every farming sector that
   * is past its check point there and has none yet (one node request per sector and plot), so
   * {@link #beginAudit} can judge it. A failing node request leaves it unknown (not audited).
   */
  void prepareAudit(HistorySize history) {
    for (FarmSector sector : sectors()) {
      if (sector.expiration().isEmpty()
          && SectorLifetime.needsExpiration(sector.historySize(), history, params)) {
        try {
          learnExpiration(sector);
        } catch (RuntimeException e) {
          events.accept(new FarmEvent.PlottingFailed(owner(), sector.index(), e));
        }
      }
    }
  }

  /**
   * Holds off replots until {@link #endAudit}; the sectors added to {@code farmable} (those that
   * pass the verifier's history-size rules at {@code history}) stay open meanwhile.
   *
   * @return how many farming sectors were left out (expired, plotted after {@code history}, or
   *     expiration not known)
   */
  int beginAudit(HistorySize history, List<FarmSector> farmable) {
    return sectors.beginAudit(history, params, farmable);
  }

  void endAudit() {
    sectors.endAudit();
  }

  /**
   * Brings every sector up to date (see the class comment). Runs on the caller's thread; one sync
   * at a time. Problems are reported as events and leave the sector for the next sync.
   */
  public synchronized void sync() {
    HistorySize current;
    try {
      current = node.historySize();
    } catch (RuntimeException e) {
      // A remote node may be unreachable; reported against the first sector, retried next sync.
      events.accept(new FarmEvent.PlottingFailed(owner(), new SectorIndex(0), e));
      return;
    }
    // First every sector's state, which is quick (the first sync also checks stored sectors), so
    // every expired sector is out of farming before the first (slow) plot starts.
    for (int i = 0; i < sectors.total(); i++) {
      SectorIndex index = new SectorIndex(i);
      try {
        checkSector(index, current);
      } catch (RuntimeException e) {
        events.accept(new FarmEvent.PlottingFailed(owner(), index, e));
      }
    }
    for (int i = 0; i < sectors.total(); i++) {
      if (sectors.get(i) != null) {
        continue;
      }
      SectorIndex index = new SectorIndex(i);
      try {
        // History grows while earlier sectors plot: each sector gets the newest history size.
        plot(index, node.historySize(), expired[i]);
      } catch (RuntimeException e) {
        events.accept(new FarmEvent.PlottingFailed(owner(), index, e));
      }
    }
  }

  private void checkSector(SectorIndex index, HistorySize current) {
    int i = index.value();
    if (!opened[i]) {
      opened[i] = true;
      reuse(index);
    }
    FarmSector sector = sectors.get(i);
    if (sector == null) {
      return;
    }
    if (sector.expiration().isEmpty()
        && SectorLifetime.needsExpiration(sector.historySize(), current, params)) {
      sector = learnExpiration(sector);
    }
    HistorySize expiration = sector.expiration().orElse(null);
    if (expiration == null || !SectorId.isExpired(expiration, current)) {
      return;
    }
    events.accept(new FarmEvent.SectorExpired(owner(), index, expiration, current));
    // Expired sectors are wasted space: out of farming now, replotted in place below.
    if (sectors.retire(sector)) {
      expired[i] = true;
    }
  }

  private Hash owner() {
    return identity.publicKeyHash();
  }

  private void reuse(SectorIndex index) {
    Optional<FarmSector> stored = plotter.reopen(index);
    if (stored.isEmpty()) {
      return;
    }
    sectors.install(stored.get());
    events.accept(
        new FarmEvent.SectorReused(
            owner(), index, stored.get().historySize(), readySectors(), sectors.total()));
  }

  /**
   * Takes a sector out of farming after the prover found it damaged; the next {@link #sync} replots
   * it.
   */
  void markCorrupt(FarmSector damaged, CorruptSectorException e) {
    // Only reported here: the files stay until the next sync replots over them, so this (slot)
    // thread never deletes files a concurrent sync may be writing.
    if (sectors.retire(damaged)) {
      events.accept(new FarmEvent.SectorCorrupt(owner(), damaged.index(), e));
    }
  }

  /** The sector with its expiration, if the node has the super segment it depends on. */
  private FarmSector learnExpiration(FarmSector sector) {
    if (sector.expiration().isPresent()) {
      return sector;
    }
    Optional<HistorySize> expiration =
        SectorLifetime.expiration(
            sector.sectorId(), sector.historySize(), node::superSegmentHeaderContaining, params);
    if (expiration.isEmpty()) {
      return sector;
    }
    return sectors.replace(sector, sector.withExpiration(expiration.get()));
  }

  private void plot(SectorIndex index, HistorySize history, boolean replot) {
    long start = System.nanoTime();
    Optional<FarmSector> plotted = plotter.plot(index, history);
    if (plotted.isEmpty()) {
      return;
    }
    sectors.install(plotted.get());
    if (replot) {
      expired[index.value()] = false;
      replots.incrementAndGet();
    }
    events.accept(
        new FarmEvent.SectorPlotted(
            owner(),
            index,
            history,
            Duration.ofNanos(System.nanoTime() - start),
            readySectors(),
            sectors.total(),
            replot));
  }

  @Override
  public void close() throws IOException {
    sectors.closeAll();
    store.close();
  }
}
