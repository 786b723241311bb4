package dev.annals.node.chain;

import dev.annals.consensus.block.BlockRule;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import java.util.List;
import java.util.Optional;

/**
 * What became of one block given to {@link BlockImporter#importBlock}, and of the held-back blocks
 * that its import let through ({@link #released}, in the order they were retried).
 *
 * @param rule for {@link Status#REJECTED} the rule broken, for {@link Status#HELD_BACK} the rule
 *     that cannot be checked yet; empty otherwise
 * @param detail a one-line explanation (expected and actual values, what is missing, why refused)
 */
public record ImportResult(
    Status status,
    Hash root,
    ShardIndex shard,
    BlockNumber number,
    Optional<BlockRule> rule,
    String detail,
    List<ImportResult> released) {
  public enum Status {
    /** Stored, and it is now its shard's best block. */
    IMPORTED_BEST,
    /** Stored on a fork that is not (or not yet) the heaviest. */
    IMPORTED_SIDE,
    /** Not verifiable yet: held back until what {@link #rule} needs arrives, then retried. */
    HELD_BACK,
    /** Breaks {@link #rule}: nothing was written. */
    REJECTED,
    /** Already stored; nothing was done. */
    ALREADY_KNOWN,
    /**
     * Valid or not, this node cannot take it: it builds on a fork below the confirmation depth
     * (archived blocks cannot be taken back). Nothing was written.
     */
    REFUSED
  }

  public ImportResult {
    if (status == null
        || root == null
        || shard == null
        || number == null
        || rule == null
        || detail == null
        || released == null) {
      throw new IllegalArgumentException("import result: every field must be set (value null)");
    }
    if (rule.isPresent() != (status == Status.REJECTED || status == Status.HELD_BACK)) {
      throw new IllegalArgumentException(
          "import result: a rule exactly when REJECTED or HELD_BACK (value " + status + ")");
    }
    released = List.copyOf(released);
  }

  public boolean imported() {
    return status == Status.IMPORTED_BEST || status == Status.IMPORTED_SIDE;
  }

  ImportResult withReleased(List<ImportResult> more) {
    return new ImportResult(status, root, shard, number, rule, detail, more);
  }

  @Override
  public String toString() {
    return status
        + rule.map(r -> "(" + r + ")").orElse("")
        + " shard "
        + shard
        + " #"
        + number
        + " "
        + root
        + ": "
        + detail
        + (released.isEmpty() ? "" : " released " + released);
  }
}
