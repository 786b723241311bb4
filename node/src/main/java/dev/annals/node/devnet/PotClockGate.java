package dev.annals.node.devnet;

import dev.annals.consensus.pot.PotSlot;
import dev.annals.consensus.pot.SlotClock;
import dev.annals.node.chain.BlockImporter;
import dev.annals.node.chain.ImportResult;
import dev.annals.node.chain.PotOutputs;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.PotParametersChange;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Keeps this node's slot clock and its chain's proof-of-time parameter changes in step
 * (docs/devnet.md "How it runs"). Proven slots are recorded under one lock; a beacon block that
 * brings a new change is imported under the same lock, and only if the change's slot is more than
 * one slot ahead of the newest announced slot (the clock computes the next slot's input right after
 * announcing), in which case the clock is told the change. Otherwise the clock and the chain would
 * disagree from that slot on, and the block is dropped.
 */
final class PotClockGate {
  private final PotOutputs pot;
  private final BlockImporter importer;
  private final SlotClock clock;
  private final Consumer<String> log;
  private final Object lock = new Object();
  private final AtomicLong dropped = new AtomicLong();
  private volatile long announcedSlot;
  private volatile PotParametersChange scheduledChange;

  PotClockGate(PotOutputs pot, BlockImporter importer, SlotClock clock, Consumer<String> log) {
    this.pot = pot;
    this.importer = importer;
    this.clock = clock;
    this.log = log;
  }

  /**
   * On start-up: the newest proven slot is the one announced, and the best beacon block's pending
   * change is known to the clock either way (the clock's first input applied it if its slot is at
   * or before {@code nextSlot}, else it is scheduled here), so blocks that carry it on are not
   * mistaken for bringing a new one.
   */
  void resume(BeaconBlockHeader best, long nextSlot) {
    announcedSlot = pot.latestSlot();
    Optional<PotParametersChange> pending = best.consensusParameters().potParametersChange();
    pending.filter(c -> c.slot().value() > nextSlot).ifPresent(clock::schedule);
    scheduledChange = pending.orElse(null);
  }

  /** On the clock's thread: records a proven slot; it is the newest announced from now on. */
  void proven(PotSlot slot) {
    synchronized (lock) {
      pot.onSlot(slot);
      importer.potVerifier().rememberProven(slot);
      announcedSlot = slot.input().slot().value();
    }
  }

  /** The newest slot the clock has proven and announced. */
  long announcedSlot() {
    return announcedSlot;
  }

  /** Imports a produced block; empty if it was dropped for a change the clock cannot take. */
  Optional<ImportResult> importBlock(Block block) {
    if (!(block.header() instanceof BeaconBlockHeader beacon)
        || beacon.consensusParameters().potParametersChange().isEmpty()
        || beacon.consensusParameters().potParametersChange().get().equals(scheduledChange)) {
      return Optional.of(importer.importBlock(block));
    }
    PotParametersChange change = beacon.consensusParameters().potParametersChange().get();
    synchronized (lock) {
      if (change.slot().value() <= announcedSlot + 1) {
        dropped.incrementAndGet();
        log.accept(
            "beacon block #"
                + beacon.prefix().number()
                + " dropped: its proof-of-time change at slot "
                + change.slot()
                + " is not ahead of the clock (slot "
                + announcedSlot
                + ")");
        return Optional.empty();
      }
      ImportResult result = importer.importBlock(block);
      if (result.status() == ImportResult.Status.IMPORTED_BEST) {
        clock.schedule(change);
        scheduledChange = change;
      }
      return Optional.of(result);
    }
  }

  /** Beacon blocks dropped because their proof-of-time change came too late for the clock. */
  long dropped() {
    return dropped.get();
  }
}
