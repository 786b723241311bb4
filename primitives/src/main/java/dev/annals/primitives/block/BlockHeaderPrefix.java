package dev.annals.primitives.block;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.segment.Fields;

/**
 * The first 88 bytes of every header: number u64 @0, shard index u32 @8, 4 zero bytes @12,
 * timestamp u64 (ms, unsigned) @16, parent root @24, MMR root over all previous block roots @56.
 */
public record BlockHeaderPrefix(
    BlockNumber number,
    ShardIndex shardIndex,
    long timestampMillis,
    Hash parentRoot,
    Hash mmrRoot) {
  public static final int SIZE = 88;

  /** Offset of the shard index, read first to learn the header's kind. */
  public static final int SHARD_INDEX_OFFSET = 8;

  public BlockHeaderPrefix {
    if (number == null || shardIndex == null || parentRoot == null || mmrRoot == null) {
      throw new IllegalArgumentException("prefix: every field must be set (value null)");
    }
    if (!shardIndex.kind().isReal()) {
      throw new IllegalArgumentException(
          "prefix.shard_index: phantom shard has no blocks (value " + shardIndex + ")");
    }
  }

  void encodeTo(ByteWriter w) {
    w.u64(number.value())
        .u32(shardIndex.value())
        .zeros(4)
        .u64(timestampMillis)
        .hash(parentRoot)
        .hash(mmrRoot);
  }

  static BlockHeaderPrefix decodeFrom(ByteReader r) {
    long number = r.u64("number");
    long shard = r.u32("shard_index");
    r.zeros("padding", 4);
    long timestamp = r.u64("timestamp");
    Hash parent = r.hash("parent_root");
    Hash mmr = r.hash("mmr_root");
    ShardIndex shardIndex = Fields.shard(r.field("shard_index"), shard);
    if (!shardIndex.kind().isReal()) {
      throw new DecodeException(
          r.field("shard_index"), Long.toString(shard), "phantom shard has no blocks");
    }
    return new BlockHeaderPrefix(new BlockNumber(number), shardIndex, timestamp, parent, mmr);
  }

  public Hash hash() {
    ByteWriter w = new ByteWriter(SIZE);
    encodeTo(w);
    return Hash.blake3(w.toByteArray());
  }
}
