package dev.annals.farmer;

import dev.annals.consensus.sector.SectorData;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorMetadata;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.segment.Piece;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Where a farm keeps its plotted sectors: in memory (dev, tests) or in a directory. */
public sealed interface SectorStore extends AutoCloseable
    permits MemorySectorStore, DirectorySectorStore {

  /** A stored sector's metadata and bytes. */
  record StoredSector(SectorMetadata metadata, SectorData data) {}

  /**
   * The sector stored under {@code index}, or empty if there is none.
   *
   * @throws dev.annals.consensus.sector.CorruptSectorException if its metadata is damaged
   */
  Optional<StoredSector> open(SectorIndex index) throws IOException;

  /**
   * Plots a sector and stores it under its index, replacing any sector stored there. Until this
   * returns the previous sector (if any) stays readable.
   */
  StoredSector plot(
      SectorPlotter plotter,
      SectorId sectorId,
      SectorIndex index,
      HistorySize historySize,
      List<Piece> pieces)
      throws IOException;

  /** Forgets the sector under {@code index} (a damaged one, before it is replotted). */
  void discard(SectorIndex index) throws IOException;

  /** For messages: where the sectors live. */
  String location();

  @Override
  void close() throws IOException;
}
