package dev.annals.consensus.sector;

/** The parts of a plotted sector (and its metadata file), named in corruption errors. */
public enum SectorRegion {
  SIZE("sector size"),
  CONTENTS_MAP("sector contents map"),
  RECORD_CHUNKS("record chunks (s-buckets)"),
  RECORD_METADATA("record metadata (piece header and piece checksum)"),
  PIECE_CHECKSUM("record chunks or record metadata (recovered piece differs from its checksum)"),
  SECTOR_CHECKSUM("sector checksum"),
  SECTOR_METADATA("sector metadata");

  private final String description;

  SectorRegion(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
