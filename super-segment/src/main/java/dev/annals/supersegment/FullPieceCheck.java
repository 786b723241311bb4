package dev.annals.supersegment;

/** The checks of full piece verification, in the order they run. */
public enum FullPieceCheck {
  SUPER_SEGMENT_INDEX("piece's super segment index is not the one the global piece index lies in"),
  SEGMENT_POSITION("piece's segment position is not the one the global piece index names"),
  SEGMENT_PROOF_LENGTH("piece's segment proof does not have the length its position needs"),
  SEGMENT_PROOF(
      "segment (shard, local index, segment root) is not at this position of the super segment"),
  RECORD_PROOF(
      "record is not at this piece position of the segment (record, parity chunks root or record"
          + " proof)");

  private final String description;

  FullPieceCheck(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
