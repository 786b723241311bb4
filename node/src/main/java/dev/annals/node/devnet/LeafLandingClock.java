package dev.annals.node.devnet;

import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Measures how long leaf segments take from being archived (the block that completed them reached
 * the confirmation depth and was imported) to landing in a super segment (the beacon block that
 * derived it was imported). Called on the producer thread after each import; a segment archived
 * before this run started is not timed.
 */
final class LeafLandingClock {
  private final ChainStorage storage;
  private final Map<ShardIndex, Long> knownSegments = new HashMap<>();
  private final ArrayDeque<long[]> waiting = new ArrayDeque<>();
  private volatile long landed;
  private volatile long totalNanos;

  LeafLandingClock(ChainStorage storage, List<ShardIndex> shards) {
    this.storage = storage;
    for (ShardIndex shard : shards) {
      if (shard.kind() == ShardKind.LEAF) {
        knownSegments.put(shard, storage.segmentCount(shard));
      }
    }
  }

  synchronized void afterImport(ShardIndex shard) {
    long now = System.nanoTime();
    if (shard.kind() == ShardKind.LEAF) {
      long count = storage.segmentCount(shard);
      long known = knownSegments.get(shard);
      for (long i = known; i < count; i++) {
        waiting.add(new long[] {shard.value(), i, now});
      }
      knownSegments.put(shard, count);
    } else if (shard.kind() == ShardKind.BEACON) {
      for (Iterator<long[]> it = waiting.iterator(); it.hasNext(); ) {
        long[] w = it.next();
        ShardIndex s = new ShardIndex((int) w[0]);
        if (storage.globalIndex(s, new LocalSegmentIndex(w[1])).isPresent()) {
          totalNanos += now - w[2];
          landed++;
          it.remove();
        }
      }
    }
  }

  /** Leaf segments timed so far. */
  long landed() {
    return landed;
  }

  /** Mean archived-to-landed time in milliseconds, or -1 before the first. */
  double meanMillis() {
    long n = landed;
    return n == 0 ? -1 : totalNanos / 1e6 / n;
  }
}
