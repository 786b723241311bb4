package dev.annals.consensus.pot;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.PotParametersChange;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * The proof-of-time parameters schedule of the beacon chain (pos-pot-facts §11, Abundance's {@code
 * derive_pot_info}). A parent's pending change for a slot after this block's slot is carried on;
 * otherwise block {@code N}, when it is a multiple of the injection interval and {@code N −
 * interval × lookback} is positive, schedules entropy {@code H(chunk ‖ proof of time)} of that
 * source block to take effect {@code delay} slots after its own slot, with unchanged iterations.
 */
public final class EntropyInjection {
  /** The ancestor data injection needs, from the chain being extended. */
  @FunctionalInterface
  public interface SourceBlocks {
    /** The injection entropy of beacon block {@code number}, or null when it is unknown. */
    Hash injectionEntropy(BlockNumber number);
  }

  /** The source block named by the schedule was not found on the chain. */
  public static final class MissingSourceBlockException extends Exception {
    public MissingSourceBlockException(BlockNumber number) {
      super("entropy injection: source beacon block " + number + " not found");
    }
  }

  private EntropyInjection() {}

  /**
   * @param parentSlot the parent block's slot
   * @param parentSlotIterations the parent's slot iterations (its consensus parameters)
   * @param parentChange the parent's pending change, or null
   * @param blockNumber this block's number
   * @param slot this block's slot
   */
  public static PotInfo derive(
      ProtocolParameters params,
      Slot parentSlot,
      long parentSlotIterations,
      PotParametersChange parentChange,
      BlockNumber blockNumber,
      Slot slot,
      SourceBlocks sources)
      throws MissingSourceBlockException {
    long iterations = parentSlotIterations;
    // Saturating like Abundance: a parent at slot u64::MAX has no next slot, the change applies.
    if (parentChange != null
        && (parentSlot.value() == -1L
            || parentChange.slot().compareTo(new Slot(parentSlot.value() + 1)) <= 0)) {
      iterations = parentChange.slotIterations();
    }
    if (parentChange != null && parentChange.slot().compareTo(slot) > 0) {
      return new PotInfo(iterations, parentChange);
    }
    long interval = params.entropyInjectionInterval();
    long n = blockNumber.value();
    long lastInjection = Long.divideUnsigned(n, interval) * interval;
    long lookback = interval * params.entropyInjectionLookbackDepth();
    if (lastInjection != n || Long.compareUnsigned(lastInjection, lookback) <= 0) {
      return new PotInfo(iterations, null);
    }
    BlockNumber source = new BlockNumber(lastInjection - lookback);
    Hash entropy = sources.injectionEntropy(source);
    if (entropy == null) {
      throw new MissingSourceBlockException(source);
    }
    long delay = params.entropyInjectionDelaySlots();
    long target = slot.value() + delay;
    if (Long.compareUnsigned(target, slot.value()) < 0) {
      target = -1L;
    }
    return new PotInfo(iterations, new PotParametersChange(new Slot(target), iterations, entropy));
  }
}
