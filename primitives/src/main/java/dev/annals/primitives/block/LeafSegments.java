package dev.annals.primitives.block;

import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;

/** A leaf shard's new segments as relayed up by its intermediate shard's block. */
public record LeafSegments(ShardIndex shard, OwnSegments segments) {
  public LeafSegments {
    if (shard == null || segments == null) {
      throw new IllegalArgumentException("leaf_segments: every field must be set (value null)");
    }
    if (shard.kind() != ShardKind.LEAF) {
      throw new IllegalArgumentException(
          "leaf_segments.shard_index: must be a leaf shard (value "
              + shard
              + ", a "
              + shard.kind()
              + " shard)");
    }
  }
}
