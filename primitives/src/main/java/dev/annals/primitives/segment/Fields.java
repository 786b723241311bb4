package dev.annals.primitives.segment;

import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.codec.DecodeException;

/** Range checks of decoded integers that turn a type's constructor error into a DecodeException. */
public final class Fields {
  private Fields() {}

  public static ShardIndex shard(String field, long raw) {
    if (raw >= ShardIndex.MAX_SHARDS) {
      throw new DecodeException(field, Long.toString(raw), "shard index must be below 2^20");
    }
    return new ShardIndex((int) raw);
  }

  public static SegmentPosition segmentPosition(String field, long raw) {
    if (raw >= SegmentPosition.MAX_SEGMENTS_PER_SUPER_SEGMENT) {
      throw new DecodeException(
          field, Long.toString(raw), "segment position must be below 2^20 − 1");
    }
    return new SegmentPosition((int) raw);
  }
}
