package dev.annals.farmer;

import dev.annals.primitives.HistorySize;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The farming sector of each index of one farm (none while missing, expired or damaged). Slots
 * audit under the read lock; installing, retiring or updating a sector takes the write lock, so an
 * audit never sees a half-replaced sector. A sector's file is closed when it leaves the table.
 */
final class FarmSectors {
  private final FarmSector[] sectors;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  FarmSectors(int count) {
    this.sectors = new FarmSector[count];
  }

  int total() {
    return sectors.length;
  }

  /** The farming sector at {@code i}, or null. */
  FarmSector get(int i) {
    lock.readLock().lock();
    try {
      return sectors[i];
    } finally {
      lock.readLock().unlock();
    }
  }

  int ready() {
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

  List<FarmSector> snapshot() {
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
   * Takes the read lock until {@link #endAudit} and adds to {@code farmable} the sectors that pass
   * the verifier's history-size rules at {@code history}.
   *
   * @return how many farming sectors were left out
   */
  int beginAudit(HistorySize history, ProtocolParameters params, List<FarmSector> farmable) {
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

  /** Puts {@code sector} at its index, closing the one it replaces. */
  void install(FarmSector sector) {
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

  /** Takes {@code sector} out of farming and closes it; false if it was already replaced. */
  boolean retire(FarmSector sector) {
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

  /**
   * Swaps {@code old} for {@code updated} (same file) unless replaced meanwhile; the current one.
   */
  FarmSector replace(FarmSector old, FarmSector updated) {
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

  /** Closes and removes every sector. */
  void closeAll() {
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
  }
}
