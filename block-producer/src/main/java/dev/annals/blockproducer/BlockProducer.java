package dev.annals.blockproducer;

import dev.annals.primitives.ShardKind;

/**
 * Builds the block a slot claim wins for one shard kind. The draft still needs the farmer's seal;
 * the slot worker asks for it and hands the sealed block to import.
 */
public interface BlockProducer {
  ShardKind kind();

  /** The unsealed block for {@code claim}, at wall-clock time {@code nowMillis}. */
  BlockDraft produce(SlotClaim claim, long nowMillis);
}
