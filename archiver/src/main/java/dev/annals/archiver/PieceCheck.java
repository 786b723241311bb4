package dev.annals.archiver;

/** The checks of a piece against its segment, each named for error messages and tools. */
public enum PieceCheck {
  SHARD("piece's shard index differs from the segment's"),
  LOCAL_SEGMENT_INDEX("piece's local segment index differs from the segment's"),
  SEGMENT_ROOT("piece's segment root differs from the segment's"),
  RECORD_PROOF("record is not in the segment (record root, parity chunks root or record proof)");

  private final String description;

  PieceCheck(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
