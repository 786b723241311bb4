package dev.annals.farmer;

import dev.annals.consensus.challenge.GlobalChallenge;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.Slot;

/**
 * What the node tells farmers about a new slot: the slot, its proof-of-time output (the challenge
 * is derived from both), the global solution ranges the slot's blocks are judged by ({@link
 * SolutionRanges#after} the best beacon block: for a beacon block built on it, its pending
 * retargeted range if it carries one; for shard blocks naming it, its own range), the shard counts
 * and the shard membership entropy in force for blocks built in this slot (the proof-of-time output
 * of the rotation's source beacon block, see {@code ShardRotation}), and the history size those
 * blocks' solutions are judged at (the one in force after the best beacon block: a beacon block
 * built on it and a shard block naming it are both bound by it). The farmer checks the history-size
 * rules a verifier applies (a sector plotted later than it, or expired at it, cannot win) against
 * this number, not against its own later reading of the node.
 */
public record SlotNotification(
    Slot slot,
    Bytes potOutput,
    SolutionRanges solutionRanges,
    NumShards numShards,
    MembershipEntropy membershipEntropy,
    HistorySize historySize) {
  public SlotNotification {
    if (slot == null
        || potOutput == null
        || solutionRanges == null
        || numShards == null
        || membershipEntropy == null
        || historySize == null) {
      throw new IllegalArgumentException("slot notification: every field must be set (value null)");
    }
    potOutput.requireLength("slot notification pot_output", GlobalChallenge.POT_OUTPUT_SIZE);
  }

  public Hash globalChallenge() {
    return GlobalChallenge.derive(potOutput.toBytes(), slot);
  }
}
