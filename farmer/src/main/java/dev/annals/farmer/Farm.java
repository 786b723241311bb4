package dev.annals.farmer;

import dev.annals.consensus.sector.CorruptSectorException;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorLayout;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.consensus.sector.SectorVerifier;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * One identity's sectors in one {@link SectorStore}: {@code sectorCount} sectors of the preset's
 * maximum piece count, indices 0 up. {@link #sync} brings the farm up to date with the node: it
 * re-uses sectors already in the store (after a full check), learns expirations once their check
 * point has landed, takes every expired sector out of farming, then plots missing sectors and
 * replots expired ones in place (same index, the node's history size at that moment) from verified
 * pieces. The auditor reads sectors under a read lock while a replot swaps one in under the write
 * lock, so a slot never sees a half-replaced sector; independently of any sync, a slot only audits
 * sectors that pass the verifier's history-size rules at the slot's history size ({@link
 * SectorLifetime}), so a sync that is still busy replotting never lets an expired sector win.
 */
public final class Farm implements AutoCloseable {

  /**
   * Below this proof-of-space K records are short of proofs and most audit candidates are fillers
   * (docs/sectors.md: K = 12 finds 2–8 proofs of 256, K = 16 up to 128), so sectors get a {@link
   * ProvableChunks} map; at the production K = 20 records are full and the map would cost a second
   * plotting pass for nothing.
   */
  static final int PROVABLE_MAP_BELOW_K = 17;

  private final ProtocolParameters params;
  private final FarmerIdentity identity;
  private final SectorStore store;
  private final NodeView node;
  private final VerifiedPieces pieces;
  private final SectorPlotter plotter;
  private final ProofOfSpace provableMapPos;
  private final Consumer<FarmEvent> events;
  private final FarmSector[] sectors;
  private final boolean[] opened;

  /** Sectors taken out of farming because they expired and not yet replotted. */
  private final boolean[] expired;

  private final AtomicLong replots = new AtomicLong();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

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
    this.pieces = new VerifiedPieces(params, node);
    this.plotter = new SectorPlotter(params, plottingThreads);
    this.provableMapPos =
        params.posK() < PROVABLE_MAP_BELOW_K
            ? Kernels.proofOfSpace(SectorLayout.posParameters(params), plottingThreads)
            : null;
    this.events = events;
    this.sectors = new FarmSector[sectorCount];
    this.opened = new boolean[sectorCount];
    this.expired = new boolean[sectorCount];
  }

  public FarmerIdentity identity() {
    return identity;
  }

  public int totalSectors() {
    return sectors.length;
  }

  /** Sectors currently farming. */
  public int readySectors() {
    lock.readLock().lock();
    try {
      int ready = 0;
      for (FarmSector s : sectors) {
        if (s != null) {
          ready++;
        }
      }
      return ready;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A snapshot of the sectors currently farming. */
  public List<FarmSector> sectors() {
    lock.readLock().lock();
    try {
      List<FarmSector> out = new ArrayList<>();
      for (FarmSector s : sectors) {
        if (s != null) {
          out.add(s);
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
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
    lock.readLock().lock();
    int skipped = 0;
    for (FarmSector s : sectors) {
      if (s == null) {
        continue;
      }
      if (SectorLifetime.farmable(s.historySize(), s.expiration(), history, params)) {
        farmable.add(s);
      } else {
        skipped++;
      }
    }
    return skipped;
  }

  void endAudit() {
    lock.readLock().unlock();
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
    for (int i = 0; i < sectors.length; i++) {
      SectorIndex index = new SectorIndex(i);
      try {
        checkSector(index, current);
      } catch (RuntimeException e) {
        events.accept(new FarmEvent.PlottingFailed(owner(), index, e));
      }
    }
    for (int i = 0; i < sectors.length; i++) {
      if (sector(i) != null) {
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
    FarmSector sector = sector(i);
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
    if (retire(sector)) {
      expired[i] = true;
    }
  }

  private Hash owner() {
    return identity.publicKeyHash();
  }

  private FarmSector sector(int i) {
    lock.readLock().lock();
    try {
      return sectors[i];
    } finally {
      lock.readLock().unlock();
    }
  }

  private void reuse(SectorIndex index) {
    Optional<SectorStore.StoredSector> stored;
    try {
      stored = store.open(index);
    } catch (CorruptSectorException e) {
      dropCorrupt(index, e);
      return;
    } catch (IOException e) {
      events.accept(new FarmEvent.PlottingFailed(owner(), index, e));
      return;
    }
    if (stored.isEmpty()) {
      return;
    }
    SectorStore.StoredSector s = stored.get();
    try {
      new SectorVerifier(params).verify(s.data(), s.metadata());
    } catch (CorruptSectorException e) {
      s.data().close();
      dropCorrupt(index, e);
      return;
    }
    HistorySize history = s.metadata().historySize();
    Hash root = identity.commitmentsRoot(history);
    SectorId id = SectorId.derive(owner(), root, index, history);
    ProvableChunks provable;
    try {
      provable = provableMap(id, s);
    } catch (CorruptSectorException e) {
      s.data().close();
      dropCorrupt(index, e);
      return;
    }
    install(new FarmSector(id, root, s.metadata(), s.data(), Optional.empty(), provable));
    events.accept(
        new FarmEvent.SectorReused(owner(), index, history, readySectors(), sectors.length));
  }

  private void dropCorrupt(SectorIndex index, CorruptSectorException e) {
    events.accept(new FarmEvent.SectorCorrupt(owner(), index, e));
    try {
      store.discard(index);
    } catch (IOException io) {
      events.accept(new FarmEvent.PlottingFailed(owner(), index, io));
    }
  }

  /**
   * Takes a sector out of farming after the prover found it damaged; the next {@link #sync} replots
   * it.
   */
  void markCorrupt(FarmSector damaged, CorruptSectorException e) {
    // Only reported here: the files stay until the next sync replots over them, so this (slot)
    // thread never deletes files a concurrent sync may be writing.
    if (retire(damaged)) {
      events.accept(new FarmEvent.SectorCorrupt(owner(), damaged.index(), e));
    }
  }

  /** Takes {@code sector} out of farming; false if it was already replaced. */
  private boolean retire(FarmSector sector) {
    lock.writeLock().lock();
    try {
      int i = sector.index().value();
      if (sectors[i] != sector) {
        return false;
      }
      sectors[i] = null;
    } finally {
      lock.writeLock().unlock();
    }
    sector.data().close();
    return true;
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
    return replace(sector, sector.withExpiration(expiration.get()));
  }

  private FarmSector replace(FarmSector old, FarmSector updated) {
    lock.writeLock().lock();
    try {
      int i = old.index().value();
      if (sectors[i] == old) {
        sectors[i] = updated;
      }
      return sectors[i];
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void plot(SectorIndex index, HistorySize history, boolean replot) {
    long start = System.nanoTime();
    Hash root = identity.commitmentsRoot(history);
    SectorId id = SectorId.derive(owner(), root, index, history);
    List<Piece> selected = new ArrayList<>(params.maxPiecesInSector());
    SectorStore.StoredSector stored;
    try {
      for (int offset = 0; offset < params.maxPiecesInSector(); offset++) {
        selected.add(pieces.get(id.pieceIndex(new PieceOffset(offset), history, params)));
      }
      stored = store.plot(plotter, id, index, history, selected);
    } catch (BadPieceException e) {
      events.accept(new FarmEvent.PieceRejected(owner(), index, e));
      return;
    } catch (IOException | RuntimeException e) {
      events.accept(new FarmEvent.PlottingFailed(owner(), index, e));
      return;
    }
    ProvableChunks provable;
    try {
      provable = provableMap(id, stored);
    } catch (CorruptSectorException e) {
      stored.data().close();
      dropCorrupt(index, e);
      return;
    }
    install(new FarmSector(id, root, stored.metadata(), stored.data(), Optional.empty(), provable));
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
            sectors.length,
            replot));
  }

  private ProvableChunks provableMap(SectorId id, SectorStore.StoredSector stored) {
    if (provableMapPos == null) {
      return null;
    }
    return ProvableChunks.compute(params, provableMapPos, id, stored.metadata(), stored.data());
  }

  private void install(FarmSector sector) {
    FarmSector old;
    lock.writeLock().lock();
    try {
      int i = sector.index().value();
      old = sectors[i];
      sectors[i] = sector;
    } finally {
      lock.writeLock().unlock();
    }
    if (old != null) {
      old.data().close();
    }
  }

  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      for (int i = 0; i < sectors.length; i++) {
        if (sectors[i] != null) {
          sectors[i].data().close();
          sectors[i] = null;
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    store.close();
  }
}
