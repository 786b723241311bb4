package dev.annals.farmer;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Which shards a solution may seal a block for (SHARD-CHAINS §2): the beacon chain if its distance
 * is within the beacon range {@code r}, the parent intermediate shard of its leaf within the
 * intermediate range, its leaf shard within the leaf range. The ranges are {@link
 * SolutionRange#forShardKind}, the same scaling block verification applies.
 */
public final class ShardEligibility {
  private static final ShardKind[] SENIORITY = {
    ShardKind.BEACON, ShardKind.INTERMEDIATE, ShardKind.LEAF
  };

  private ShardEligibility() {}

  /** Shards the solution qualifies for, most senior first; empty if none. */
  public static List<ShardIndex> shards(
      long distance, SolutionRange beaconRange, NumShards numShards, ShardIndex leaf) {
    List<ShardIndex> out = new ArrayList<>(3);
    for (ShardKind kind : SENIORITY) {
      if (beaconRange.forShardKind(kind, numShards).contains(distance)) {
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

  /** The widest of the three ranges: what a sector is audited against. */
  public static SolutionRange widest(SolutionRange beaconRange, NumShards numShards) {
    SolutionRange widest = beaconRange;
    for (ShardKind kind : SENIORITY) {
      SolutionRange r = beaconRange.forShardKind(kind, numShards);
      if (r.compareTo(widest) > 0) {
        widest = r;
      }
    }
    return widest;
  }
}
