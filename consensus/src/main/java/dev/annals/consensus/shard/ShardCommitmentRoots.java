package dev.annals.consensus.shard;

import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.solution.ShardCommitment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A farmer's commitments roots by history size. Auditing needs the root of every plotted history
 * size each slot (it is part of the sector id), but a tree costs about a second at 2^20 leaves, so
 * the few most recent roots are kept; only the tree behind a winning reveal is rebuilt.
 */
public final class ShardCommitmentRoots {
  private final Hash seed;
  private final int leavesLog2;
  private final Map<HistorySize, Hash> roots;

  public ShardCommitmentRoots(Hash seed, int leavesLog2, int capacity) {
    if (seed == null) {
      throw new IllegalArgumentException("shard commitments seed: must be set (value null)");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "shard commitment roots capacity: must be positive (value " + capacity + ")");
    }
    this.seed = seed;
    this.leavesLog2 = leavesLog2;
    this.roots =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<HistorySize, Hash> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The root for {@code historySize}, built on first use. */
  public Hash root(HistorySize historySize) {
    synchronized (roots) {
      Hash cached = roots.get(historySize);
      if (cached != null) {
        return cached;
      }
    }
    // Built outside the lock: a second caller may build the same tree, which is only wasted work.
    Hash root = ShardCommitmentTree.build(seed, historySize, leavesLog2).root();
    synchronized (roots) {
      roots.put(historySize, root);
    }
    return root;
  }

  /** The reveal of leaf {@code index} of the tree for {@code historySize}. */
  public ShardCommitment reveal(HistorySize historySize, int index) {
    ShardCommitmentTree tree = ShardCommitmentTree.build(seed, historySize, leavesLog2);
    synchronized (roots) {
      roots.put(historySize, tree.root());
    }
    return tree.reveal(index);
  }
}
