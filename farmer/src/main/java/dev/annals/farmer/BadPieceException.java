package dev.annals.farmer;

import dev.annals.primitives.PieceIndex;

/**
 * A piece the node gave (or failed to give) cannot be plotted. Plotting the sector that needs it
 * stops; the sector is retried when the farm next syncs.
 */
public final class BadPieceException extends RuntimeException {
  /** What is wrong with the piece. */
  public enum Problem {
    /** The node has no piece at this index although it is inside the history size. */
    MISSING,
    /** The piece's super segment is unknown to the node. */
    NOT_LANDED,
    /** The piece's super segment index and segment position name another global segment. */
    WRONG_SEGMENT,
    /** The record does not prove into the piece's segment root at its position. */
    RECORD_PROOF,
    /** The piece's header does not fit the preset. */
    MALFORMED
  }

  private final PieceIndex index;
  private final Problem problem;

  public BadPieceException(PieceIndex index, Problem problem, String detail) {
    super("piece " + index + ": " + problem + ": " + detail);
    this.index = index;
    this.problem = problem;
  }

  public PieceIndex index() {
    return index;
  }

  public Problem problem() {
    return problem;
  }
}
