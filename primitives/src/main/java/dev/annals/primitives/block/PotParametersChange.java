package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;

/**
 * A scheduled proof-of-time change, 44 bytes: slot u64, slot iterations u32 (non-zero), entropy.
 */
public record PotParametersChange(Slot slot, long slotIterations, Hash entropy) {
  public static final int SIZE = 44;

  public PotParametersChange {
    if (slot == null || entropy == null) {
      throw new IllegalArgumentException(
          "pot_parameters_change: every field must be set (value null)");
    }
    if (slotIterations <= 0 || slotIterations > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "pot_parameters_change.slot_iterations: must be a non-zero u32 (value "
              + slotIterations
              + ")");
    }
  }

  void encodeTo(ByteWriter w) {
    w.u64(slot.value()).u32(slotIterations).hash(entropy);
  }

  static PotParametersChange decodeFrom(ByteReader r) {
    long slot = r.u64("slot");
    long iterations = r.u32("slot_iterations");
    Hash entropy = r.hash("entropy");
    if (iterations == 0) {
      throw new DecodeException(r.field("slot_iterations"), "0", "must be non-zero");
    }
    return new PotParametersChange(new Slot(slot), iterations, entropy);
  }
}
