package dev.annals.consensus.pot;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.PotParametersChange;

/**
 * What proving one slot needs: the slot, its AES iterations and its 16-byte seed.
 *
 * @param slot the slot these checkpoints are for
 * @param slotIterations AES iterations of the slot (a positive multiple of 16)
 * @param seed 16 bytes
 */
public record PotSlotInput(Slot slot, long slotIterations, Bytes seed) {
  public PotSlotInput {
    if (slot == null) {
      throw new IllegalArgumentException("pot slot input: slot must be set (value null)");
    }
    if (slotIterations <= 0 || slotIterations > 0xFFFF_FFFFL || slotIterations % 16 != 0) {
      throw new IllegalArgumentException(
          "slot_iterations: must be a non-zero u32 multiple of 16 (value " + slotIterations + ")");
    }
    PotSeeds.requireOutput("pot seed", seed);
  }

  /** Slot 1, proven from the genesis seed with the genesis slot iterations. */
  public static PotSlotInput first(Bytes genesisSeed, long genesisSlotIterations) {
    return new PotSlotInput(new Slot(1), genesisSlotIterations, genesisSeed);
  }

  /**
   * The input of the slot after {@code parentSlot} whose output was {@code parentOutput}. A pending
   * change whose slot is at or before the next slot sets the iterations; only a change exactly at
   * the next slot injects its entropy into the seed.
   *
   * @param baseSlotIterations iterations in force at {@code parentSlot}
   * @param change the pending parameters change, or null
   */
  public static PotSlotInput next(
      long baseSlotIterations, Slot parentSlot, Bytes parentOutput, PotParametersChange change) {
    Slot nextSlot = parentSlot.next();
    if (change != null && change.slot().compareTo(nextSlot) <= 0) {
      Bytes seed =
          change.slot().equals(nextSlot)
              ? PotSeeds.withEntropy(parentOutput, change.entropy())
              : parentOutput;
      return new PotSlotInput(nextSlot, change.slotIterations(), seed);
    }
    return new PotSlotInput(nextSlot, baseSlotIterations, parentOutput);
  }

  /** {@link #next} from this slot's output. */
  public PotSlotInput next(Bytes output, PotParametersChange change) {
    return next(slotIterations, slot, output, change);
  }
}
