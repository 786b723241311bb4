package dev.annals.consensus.solution;

/** A solution failed one named check; the message names expected and actual values. */
public final class SolutionVerifyException extends Exception {
  /** Which check failed, in the order they run. */
  public enum Check {
    /** The proof of space does not verify for the sector's seed at the challenged s-bucket. */
    PROOF_OF_SPACE_INVALID,
    /** The distance of the masked chunk to the global challenge is outside the solution range. */
    OUT_OF_RANGE,
    /** The chunk (unmasked) does not prove against the record root at the challenged s-bucket. */
    CHUNK_PROOF_INVALID,
    /** The solution commits to a history size larger than the current one. */
    HISTORY_SIZE_IN_FUTURE,
    /** The piece offset is not below the maximum pieces in a sector. */
    PIECE_OFFSET_TOO_LARGE,
    /** The sector's expiration cannot be derived (u64 overflow of its history size). */
    HISTORY_SIZE_INVALID,
    /** The sector had expired by the current history size. */
    SECTOR_EXPIRED,
    /** A super segment the solution refers to is not known. */
    SUPER_SEGMENT_UNKNOWN,
    /**
     * The segment that the piece index derived from the sector implies is not the one named by the
     * solution's super segment index and segment position.
     */
    PIECE_SEGMENT_MISMATCH,
    /** The record root does not prove against the segment root at the derived piece position. */
    RECORD_PROOF_INVALID,
    /** The segment root does not prove against the super segment root at its position. */
    SEGMENT_PROOF_INVALID
  }

  private final Check check;

  public SolutionVerifyException(Check check, String detail) {
    super(check + ": " + detail);
    this.check = check;
  }

  public Check check() {
    return check;
  }
}
