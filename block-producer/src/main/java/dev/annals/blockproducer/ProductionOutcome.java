package dev.annals.blockproducer;

import dev.annals.primitives.block.Block;
import java.util.Optional;

/** What became of a solution offered to the slot worker, with a reason when nothing was built. */
public record ProductionOutcome(Status status, Optional<Block> block, String detail) {
  public enum Status {
    /** A block was built, sealed and handed to import. */
    PRODUCED,
    /** The solution's distance qualifies it for no shard at this slot. */
    NOT_IN_RANGE,
    /** This worker already produced a block of that shard in that slot or a later one. */
    SLOT_TAKEN,
    /** No producer of the shard's kind was given to the worker. */
    NO_PRODUCER,
    /** The farmer returned no seal, or one that does not sign the block. */
    SEAL_REFUSED
  }

  public ProductionOutcome {
    if (status == null || block == null || detail == null) {
      throw new IllegalArgumentException("production outcome: every field must be set");
    }
    if ((status == Status.PRODUCED) != block.isPresent()) {
      throw new IllegalArgumentException("production outcome: a block exactly when PRODUCED");
    }
  }

  static ProductionOutcome declined(Status status, String detail) {
    return new ProductionOutcome(status, Optional.empty(), detail);
  }
}
