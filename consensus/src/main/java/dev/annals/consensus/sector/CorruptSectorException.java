package dev.annals.consensus.sector;

/**
 * Sector bytes that fail a size or checksum check. Names the damaged region so an operator knows
 * what to replot; a reader throws this rather than return a piece it cannot vouch for.
 */
public final class CorruptSectorException extends RuntimeException {
  private final SectorRegion region;

  public CorruptSectorException(SectorRegion region, String problem) {
    super(region.description() + ": " + problem);
    this.region = region;
  }

  public SectorRegion region() {
    return region;
  }
}
