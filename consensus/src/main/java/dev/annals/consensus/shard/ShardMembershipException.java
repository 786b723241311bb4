package dev.annals.consensus.shard;

/** A solution's shard commitment or shard membership failed one named check. */
public final class ShardMembershipException extends Exception {
  /** Which check failed. */
  public enum Check {
    /** The block's shard is a phantom index or absent from the current shard counts. */
    BLOCK_SHARD_NOT_REAL,
    /** The proof in the reveal has the wrong number of hashes for the preset. */
    COMMITMENT_PROOF_LENGTH,
    /** Leaf block: the derived leaf shard is not the block's shard. */
    SOLUTION_SHARD_NOT_BLOCK_SHARD,
    /** Intermediate block: the derived leaf shard is not under the block's shard. */
    SOLUTION_SHARD_NOT_UNDER_BLOCK_SHARD,
    /** The revealed leaf and proof do not lead to the commitments root at the derived index. */
    COMMITMENT_PROOF_INVALID
  }

  private final Check check;

  public ShardMembershipException(Check check, String detail) {
    super(check + ": " + detail);
    this.check = check;
  }

  public Check check() {
    return check;
  }
}
