package dev.annals.node.storage;

import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.ShardIndex;

/**
 * Key of a stored piece: shard u32 BE ‖ local segment index u64 BE ‖ piece position u8 (13 bytes).
 * Pieces are keyed by where the archiver put them, which is known at once; their global index is
 * only known once the segment lands in a super segment (see {@link SegmentLanding}).
 */
public record PieceKey(ShardIndex shard, LocalSegmentIndex segment, PiecePosition position) {
  public static final int SIZE = 13;

  static final Codec<PieceKey> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(PieceKey key) {
          byte[] out = new byte[SIZE];
          Codecs.putU32Be(out, 0, key.shard.value());
          Codecs.putU64Be(out, 4, key.segment.value());
          out[12] = (byte) key.position.value();
          return out;
        }

        @Override
        public PieceKey decode(byte[] bytes) {
          Codecs.requireLength("pieces.key", bytes, SIZE);
          return new PieceKey(
              Keys.shard("pieces.key.shard", Codecs.getU32Be(bytes, 0)),
              new LocalSegmentIndex(Codecs.getU64Be(bytes, 4)),
              new PiecePosition(bytes[12] & 0xFF));
        }
      };

  /** The 12-byte prefix of all pieces of one segment. */
  static byte[] segmentPrefix(ShardIndex shard, LocalSegmentIndex segment) {
    byte[] out = new byte[12];
    Codecs.putU32Be(out, 0, shard.value());
    Codecs.putU64Be(out, 4, segment.value());
    return out;
  }
}
