package dev.annals.consensus.pot;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.block.PotCheckpoints;
import java.util.Arrays;

/**
 * One proven slot: its input and its checkpoints (the last is the slot's output, the proof of time
 * blocks of this slot carry and the seed of the next slot).
 */
public record PotSlot(PotSlotInput input, PotCheckpoints checkpoints) {
  public PotSlot {
    if (input == null || checkpoints == null) {
      throw new IllegalArgumentException(
          "pot slot: input and checkpoints must be set (value null)");
    }
  }

  public Bytes output() {
    byte[] all = checkpoints.outputs().toBytes();
    return Bytes.wrap(Arrays.copyOfRange(all, all.length - PotSeeds.SIZE, all.length));
  }
}
