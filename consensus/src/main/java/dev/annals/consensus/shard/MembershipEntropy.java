package dev.annals.consensus.shard;

import dev.annals.primitives.Bytes;

/**
 * The 16 bytes of on-chain randomness that, mixed with a farmer's commitments, decide the farmer's
 * shard for one rotation period: the proof-of-time output of a beacon block (see {@link
 * ShardRotation}), taken as is.
 */
public record MembershipEntropy(Bytes value) {
  public static final int SIZE = 16;

  public MembershipEntropy {
    if (value == null) {
      throw new IllegalArgumentException("shard_membership_entropy: must be set (value null)");
    }
    value.requireLength("shard_membership_entropy", SIZE);
  }

  /** The entropy carried by a beacon block whose proof-of-time output is {@code potOutput}. */
  public static MembershipEntropy fromPotOutput(Bytes potOutput) {
    if (potOutput == null) {
      throw new IllegalArgumentException("proof_of_time: must be set (value null)");
    }
    potOutput.requireLength("proof_of_time", SIZE);
    return new MembershipEntropy(potOutput);
  }

  @Override
  public String toString() {
    return value.toHex();
  }
}
