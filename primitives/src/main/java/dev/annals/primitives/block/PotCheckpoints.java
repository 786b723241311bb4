package dev.annals.primitives.block;

import dev.annals.primitives.Bytes;

/**
 * The proof-of-time checkpoints of one slot: {@code pot checkpoints} (8) outputs of 16 bytes, 128
 * bytes laid end to end.
 */
public record PotCheckpoints(Bytes outputs) {
  public PotCheckpoints {
    if (outputs == null
        || outputs.length() == 0
        || outputs.length() % ConsensusInfo.POT_OUTPUT_SIZE != 0) {
      throw new IllegalArgumentException(
          "pot_checkpoints: must be a non-empty multiple of 16 bytes (value "
              + (outputs == null ? null : outputs.length())
              + ")");
    }
  }
}
