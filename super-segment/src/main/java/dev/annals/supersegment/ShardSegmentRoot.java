package dev.annals.supersegment;

import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;

/** One segment as a super segment lists it: its shard, its local index there and its root. */
public record ShardSegmentRoot(ShardIndex shard, LocalSegmentIndex localIndex, Hash root) {
  public ShardSegmentRoot {
    if (shard == null || localIndex == null || root == null) {
      throw new IllegalArgumentException(
          "shard_segment_root: shard, local index and root must be set (value null)");
    }
    if (!shard.kind().isReal()) {
      throw new IllegalArgumentException(
          "shard_segment_root.shard_index: phantom shard has no segments (value " + shard + ")");
    }
  }
}
