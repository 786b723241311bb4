package dev.annals.kernel.erasure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The k of k + r shards a recovery trial keeps, the others set to null. */
final class ShardSubsets {
  private ShardSubsets() {}

  record Kept(byte[][] originals, byte[][] recovery) {}

  /**
   * Trial 0 keeps the recovery shards first (losing as many originals as it can); later trials keep
   * a random choice drawn from {@code seed}.
   */
  static Kept keep(byte[][] originals, byte[][] recovery, int trial, long seed) {
    int k = originals.length;
    int r = recovery.length;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < k + r; i++) {
      order.add(trial == 0 ? (k + i) % (k + r) : i);
    }
    if (trial > 0) {
      Collections.shuffle(order, new Random(seed));
    }
    byte[][] someOriginals = new byte[k][];
    byte[][] someRecovery = new byte[r][];
    for (int index : order.subList(0, k)) {
      if (index < k) {
        someOriginals[index] = originals[index];
      } else {
        someRecovery[index - k] = recovery[index - k];
      }
    }
    return new Kept(someOriginals, someRecovery);
  }
}
