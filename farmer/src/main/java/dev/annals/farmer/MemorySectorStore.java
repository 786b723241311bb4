package dev.annals.farmer;

import dev.annals.consensus.sector.PlottedSector;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.segment.Piece;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sectors on the heap: for a devnet farm and tests; gone when the process ends. */
public final class MemorySectorStore implements SectorStore {
  private final Map<SectorIndex, StoredSector> sectors = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredSector> open(SectorIndex index) {
    return Optional.ofNullable(sectors.get(index));
  }

  @Override
  public StoredSector plot(
      SectorPlotter plotter,
      SectorId sectorId,
      SectorIndex index,
      HistorySize historySize,
      List<Piece> pieces) {
    PlottedSector plotted = plotter.plot(sectorId, index, historySize, pieces);
    StoredSector stored = new StoredSector(plotted.metadata(), plotted.data());
    sectors.put(index, stored);
    return stored;
  }

  @Override
  public void discard(SectorIndex index) {
    sectors.remove(index);
  }

  @Override
  public String location() {
    return "memory";
  }

  @Override
  public void close() {
    sectors.clear();
  }
}
