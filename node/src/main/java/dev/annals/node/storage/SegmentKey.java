package dev.annals.node.storage;

import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;

/** Key of a shard's segment header: shard u32 BE ‖ local segment index u64 BE (12 bytes). */
public record SegmentKey(ShardIndex shard, LocalSegmentIndex index) {
  public static final int SIZE = 12;

  static final Codec<SegmentKey> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(SegmentKey key) {
          byte[] out = new byte[SIZE];
          Codecs.putU32Be(out, 0, key.shard.value());
          Codecs.putU64Be(out, 4, key.index.value());
          return out;
        }

        @Override
        public SegmentKey decode(byte[] bytes) {
          Codecs.requireLength("segment_headers.key", bytes, SIZE);
          return new SegmentKey(
              Keys.shard("segment_headers.key.shard", Codecs.getU32Be(bytes, 0)),
              new LocalSegmentIndex(Codecs.getU64Be(bytes, 4)));
        }
      };
}
