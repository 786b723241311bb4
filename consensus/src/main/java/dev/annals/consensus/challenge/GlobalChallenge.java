package dev.annals.consensus.challenge;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.codec.LittleEndian;

/** The challenge every farmer answers in a slot: {@code BLAKE3(pot output (16) ‖ slot u64 LE)}. */
public final class GlobalChallenge {
  public static final int POT_OUTPUT_SIZE = 16;

  private GlobalChallenge() {}

  public static Hash derive(byte[] potOutput, Slot slot) {
    if (potOutput == null || potOutput.length != POT_OUTPUT_SIZE) {
      throw new IllegalArgumentException(
          "pot_output: must be "
              + POT_OUTPUT_SIZE
              + " bytes (value "
              + (potOutput == null ? "null" : potOutput.length + " bytes")
              + ")");
    }
    byte[] input = new byte[POT_OUTPUT_SIZE + 8];
    System.arraycopy(potOutput, 0, input, 0, POT_OUTPUT_SIZE);
    LittleEndian.putLong(input, POT_OUTPUT_SIZE, slot.value());
    return Hash.wrap(Kernels.blake3().hash(input));
  }
}
