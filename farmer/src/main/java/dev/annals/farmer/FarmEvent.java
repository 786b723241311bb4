package dev.annals.farmer;

import dev.annals.consensus.sector.CorruptSectorException;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import java.time.Duration;

/**
 * What a farm reports while it plots, re-uses, expires and farms sectors. Every event names the
 * farm's owner (public key hash) and sector.
 */
public sealed interface FarmEvent {
  Hash owner();

  SectorIndex sector();

  /** A sector was plotted; {@code ready} of {@code total} sectors are now farming. */
  record SectorPlotted(
      Hash owner,
      SectorIndex sector,
      HistorySize historySize,
      Duration took,
      int ready,
      int total,
      boolean replot)
      implements FarmEvent {}

  /** A sector found on disk was checked and is farmed again without replotting. */
  record SectorReused(Hash owner, SectorIndex sector, HistorySize historySize, int ready, int total)
      implements FarmEvent {}

  /** A sector expired at {@code expiration}; it is replotted at the current history size. */
  record SectorExpired(Hash owner, SectorIndex sector, HistorySize expiration, HistorySize current)
      implements FarmEvent {}

  /** A sector's bytes or metadata are damaged; it is dropped and replotted. */
  record SectorCorrupt(Hash owner, SectorIndex sector, CorruptSectorException problem)
      implements FarmEvent {}

  /** The node gave a piece that fails verification; the sector waits for the next sync. */
  record PieceRejected(Hash owner, SectorIndex sector, BadPieceException problem)
      implements FarmEvent {}

  /** Plotting failed for another reason (I/O); the sector waits for the next sync. */
  record PlottingFailed(Hash owner, SectorIndex sector, Exception problem) implements FarmEvent {}
}
