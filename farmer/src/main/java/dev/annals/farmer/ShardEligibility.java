package dev.annals.farmer;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Which shards a solution may seal a block for (SHARD-CHAINS §2): the beacon chain if its distance
 * is within the beacon block's range, the parent intermediate shard of its leaf within the
 * intermediate range, its leaf shard within the leaf range. The ranges are {@link
 * SolutionRanges#forShardKind}, the same ranges and scaling block verification applies (the beacon
 * block's range differs from the shards' right after a retarget).
 */
public final class ShardEligibility {
  private static final ShardKind[] SENIORITY = {
    ShardKind.BEACON, ShardKind.INTERMEDIATE, ShardKind.LEAF
  };

  private ShardEligibility() {}

  /** Shards the solution qualifies for, most senior first; empty if none. */
  public static List<ShardIndex> shards(
      long distance, SolutionRanges ranges, NumShards numShards, ShardIndex leaf) {
    List<ShardIndex> out = new ArrayList<>(3);
    for (ShardKind kind : SENIORITY) {
      if (ranges.forShardKind(kind, numShards).contains(distance)) {
        out.add(
            switch (kind) {
              case BEACON -> ShardIndex.BEACON;
              case INTERMEDIATE -> leaf.parent();
              case LEAF -> leaf;
              case PHANTOM -> throw new IllegalStateException("phantom shards have no blocks");
            });
      }
    }
    return out;
  }

  /**
   * Whether a solution at {@code distance} is within the range a block of {@code shard} is judged
   * by under {@code ranges}: what a producer re-checks when it builds on a newer beacon block than
   * the slot was announced with.
   */
  public static boolean qualifies(
      long distance, ShardIndex shard, SolutionRanges ranges, NumShards numShards) {
    return ranges.forShardKind(shard.kind(), numShards).contains(distance);
  }

  /** The widest of the three ranges: what a sector is audited against. */
  public static SolutionRange widest(SolutionRanges ranges, NumShards numShards) {
    SolutionRange widest = ranges.beacon();
    for (ShardKind kind : SENIORITY) {
      SolutionRange r = ranges.forShardKind(kind, numShards);
      if (r.compareTo(widest) > 0) {
        widest = r;
      }
    }
    return widest;
  }
}
