package dev.annals.consensus.sector;

/** A sector plotted into memory: its id, its metadata and its bytes. */
public record PlottedSector(SectorId sectorId, SectorMetadata metadata, byte[] bytes) {
  public SectorData data() {
    return SectorData.of(bytes);
  }
}
