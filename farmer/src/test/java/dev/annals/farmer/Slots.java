package dev.annals.farmer;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.Slot;
import java.util.Arrays;

/** Slot notifications for tests: proof-of-time outputs derived from the slot number. */
final class Slots {
  private Slots() {}

  /** A slot whose blocks are judged at {@code history}. */
  static SlotNotification slot(
      long n, SolutionRange range, MembershipEntropy entropy, HistorySize history) {
    return slot(n, SolutionRanges.uniform(range), entropy, history);
  }

  /** A slot whose beacon block and shard blocks are judged by {@code ranges}. */
  static SlotNotification slot(
      long n, SolutionRanges ranges, MembershipEntropy entropy, HistorySize history) {
    byte[] pot = Arrays.copyOf(Kernels.blake3().hash(("pot " + n).getBytes()), 16);
    return new SlotNotification(
        new Slot(n), Bytes.wrap(pot), ranges, DevHistory.DEV.numShards(), entropy, history);
  }

  static MembershipEntropy entropy(int n) {
    return new MembershipEntropy(
        Bytes.wrap(Arrays.copyOf(Kernels.blake3().hash(("entropy " + n).getBytes()), 16)));
  }
}
