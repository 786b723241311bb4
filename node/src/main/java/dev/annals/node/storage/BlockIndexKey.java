package dev.annals.node.storage;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;

/**
 * Key of the block index: shard u32 BE ‖ number u64 BE ‖ block root (44 bytes). Several roots per
 * (shard, number) are forks; a prefix scan over the first 12 bytes lists them.
 */
public record BlockIndexKey(ShardIndex shard, BlockNumber number, Hash root) {
  public static final int SIZE = 4 + 8 + Hash.SIZE;

  static final Codec<BlockIndexKey> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(BlockIndexKey key) {
          byte[] out = new byte[SIZE];
          Codecs.putU32Be(out, 0, key.shard.value());
          Codecs.putU64Be(out, 4, key.number.value());
          key.root.copyTo(out, 12);
          return out;
        }

        @Override
        public BlockIndexKey decode(byte[] bytes) {
          Codecs.requireLength("block_index.key", bytes, SIZE);
          byte[] root = new byte[Hash.SIZE];
          System.arraycopy(bytes, 12, root, 0, Hash.SIZE);
          return new BlockIndexKey(
              Keys.shard("block_index.key.shard", Codecs.getU32Be(bytes, 0)),
              new BlockNumber(Codecs.getU64Be(bytes, 4)),
              Hash.wrap(root));
        }
      };

  /** The 12-byte prefix shared by all blocks of {@code shard} at {@code number}. */
  static byte[] prefix(ShardIndex shard, BlockNumber number) {
    byte[] out = new byte[12];
    Codecs.putU32Be(out, 0, shard.value());
    Codecs.putU64Be(out, 4, number.value());
    return out;
  }
}
