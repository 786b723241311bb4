package dev.annals.farmer;

import dev.annals.consensus.sector.CorruptSectorException;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorLayout;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.consensus.sector.SectorVerifier;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * One identity's sectors in one {@link SectorStore}: {@code sectorCount} sectors of the preset's
 * maximum piece count, indices 0 up. {@link #sync} brings the farm up to date with the node: it
 * re-uses sectors already in the store (after a full check), plots missing ones from verified
 * pieces of the node's history, learns expirations once their check point has landed and replots
 * expired sectors at the current history size. The auditor reads sectors under a read lock while a
 * replot swaps one in under the write lock, so a slot never sees a half-replaced sector.
 */
public final class Farm implements AutoCloseable {
  /** Expiration of a sector that never expires (the u64 arithmetic overflowed). */
  static final HistorySize NEVER = new HistorySize(-1L);

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

  /**
   * Holds off replots until {@link #endAudit}; the farming sectors (returned) stay open meanwhile.
   */
  List<FarmSector> beginAudit() {
    lock.readLock().lock();
    List<FarmSector> out = new ArrayList<>(sectors.length);
    for (FarmSector s : sectors) {
      if (s != null) {
        out.add(s);
      }
    }
    return out;
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
    for (int i = 0; i < sectors.length; i++) {
      SectorIndex index = new SectorIndex(i);
      try {
        syncSector(index, current);
      } catch (RuntimeException e) {
        events.accept(new FarmEvent.PlottingFailed(owner(), index, e));
      }
    }
  }

  private void syncSector(SectorIndex index, HistorySize current) {
    int i = index.value();
    if (!opened[i]) {
      opened[i] = true;
      reuse(index);
    }
    FarmSector sector = sector(i);
    if (sector != null) {
      sector = learnExpiration(sector);
      HistorySize expiration = sector.expiration().orElse(null);
      if (expiration == null || !SectorId.isExpired(expiration, current)) {
        return;
      }
      events.accept(new FarmEvent.SectorExpired(owner(), index, expiration, current));
      // Its solutions would be rejected from now on, even if the replot below fails.
      retire(sector);
    }
    plot(index, current, sector != null);
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

  private FarmSector learnExpiration(FarmSector sector) {
    if (sector.expiration().isPresent()) {
      return sector;
    }
    Optional<HistorySize> check = SectorId.expirationCheck(sector.historySize(), params);
    if (check.isEmpty()) {
      return replace(sector, sector.withExpiration(NEVER));
    }
    Optional<SuperSegmentHeader> holder =
        node.superSegmentHeaderContaining(new GlobalSegmentIndex(check.get().segments() - 1));
    if (holder.isEmpty()) {
      return sector;
    }
    HistorySize expiration =
        sector
            .sectorId()
            .expirationHistorySize(sector.historySize(), holder.get().root(), params)
            .orElse(NEVER);
    return replace(sector, sector.withExpiration(expiration));
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
