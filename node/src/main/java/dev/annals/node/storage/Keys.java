package dev.annals.node.storage;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.codec.DecodeException;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** Codecs of the single-value keys: hashes, shard indices and u64 indices (big-endian). */
final class Keys {
  private Keys() {}

  static final Codec<Hash> HASH =
      new Codec<>() {
        @Override
        public byte[] encode(Hash value) {
          return value.toBytes();
        }

        @Override
        public Hash decode(byte[] bytes) {
          Codecs.requireLength("key.hash", bytes, Hash.SIZE);
          return Hash.wrap(bytes);
        }
      };

  static final Codec<ShardIndex> SHARD =
      new Codec<>() {
        @Override
        public byte[] encode(ShardIndex value) {
          return shardPrefix(value);
        }

        @Override
        public ShardIndex decode(byte[] bytes) {
          Codecs.requireLength("key.shard", bytes, 4);
          return shard("key.shard", Codecs.getU32Be(bytes, 0));
        }
      };

  static final Codec<SuperSegmentIndex> SUPER_SEGMENT =
      u64("key.super_segment_index", SuperSegmentIndex::new, SuperSegmentIndex::value);

  static final Codec<GlobalSegmentIndex> GLOBAL_SEGMENT =
      u64("key.global_segment_index", GlobalSegmentIndex::new, GlobalSegmentIndex::value);

  static byte[] shardPrefix(ShardIndex shard) {
    byte[] out = new byte[4];
    Codecs.putU32Be(out, 0, shard.value());
    return out;
  }

  static ShardIndex shard(String field, int value) {
    try {
      return new ShardIndex(value);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(field, Integer.toUnsignedString(value), e.getMessage());
    }
  }

  private static <T> Codec<T> u64(String field, LongFunction<T> make, ToLongFunction<T> value) {
    return new Codec<>() {
      @Override
      public byte[] encode(T key) {
        byte[] out = new byte[8];
        Codecs.putU64Be(out, 0, value.applyAsLong(key));
        return out;
      }

      @Override
      public T decode(byte[] bytes) {
        Codecs.requireLength(field, bytes, 8);
        return make.apply(Codecs.getU64Be(bytes, 0));
      }
    };
  }
}
