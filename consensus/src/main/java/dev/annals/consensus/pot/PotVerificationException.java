package dev.annals.consensus.pot;

/** A block's proof of time failed one named check. */
public final class PotVerificationException extends Exception {
  /** Which check failed. */
  public enum Check {
    /** No checkpoints, or the last slot's output is not the header's future proof of time. */
    FUTURE_PROOF_OF_TIME_MISMATCH,
    /** The block's slot is before its parent's. */
    SLOT_BEFORE_PARENT,
    /** The number of slots of checkpoints is not the slot distance to the parent. */
    CHECKPOINT_COUNT,
    /** One slot's checkpoints are not the proof of time of that slot's seed. */
    CHECKPOINTS_INVALID,
    /** The header's proof of time is not the output of its slot on the parent's chain. */
    PROOF_OF_TIME_MISMATCH
  }

  private final Check check;

  public PotVerificationException(Check check, String detail) {
    super(check + ": " + detail);
    this.check = check;
  }

  public Check check() {
    return check;
  }
}
