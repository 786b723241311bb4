package dev.annals.node.storage;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The typed columns of schema version {@link NodeDatabase#SCHEMA_VERSION} for one preset (header,
 * body, piece and landing sizes depend on it). docs/storage.md is the normative description.
 */
public final class Schema {
  /** Header bytes as {@code BlockHeader.encode}; the shard index inside names the kind. */
  public final Column<Hash, BlockHeader> headers;

  /** Shard kind u8 (0 beacon, 1 intermediate, 2 leaf) ‖ body bytes as {@code BlockBody.encode}. */
  public final Column<Hash, BlockBody> bodies;

  /** Presence only: the value is empty. */
  public final Column<BlockIndexKey, byte[]> blockIndex;

  public final Column<ShardIndex, ChainHead> bestChain;
  public final Column<SegmentKey, SegmentHeader> segmentHeaders;
  public final Column<SuperSegmentIndex, SuperSegmentHeader> superSegmentHeaders;
  public final Column<PieceKey, Piece> pieces;
  public final Column<GlobalSegmentIndex, SegmentLanding> segmentLandings;

  /** The reverse of the landings: a shard segment's global index, u64 LE. */
  public final Column<SegmentKey, GlobalSegmentIndex> segmentGlobalIndex;

  /** Opaque bytes the archiver task stores and reads back; storage does not interpret them. */
  public final Column<ShardIndex, byte[]> archiverState;

  /** Per stored block: cumulative fork-choice weight and block MMR ({@link BlockMeta}). */
  public final Column<Hash, BlockMeta> blockMeta;

  public Schema(ProtocolParameters params) {
    headers = new Column<>(ColumnFamily.HEADERS, Keys.HASH, headerCodec(params));
    bodies = new Column<>(ColumnFamily.BODIES, Keys.HASH, bodyCodec(params));
    blockIndex = new Column<>(ColumnFamily.BLOCK_INDEX, BlockIndexKey.CODEC, EMPTY);
    bestChain = new Column<>(ColumnFamily.BEST_CHAIN, Keys.SHARD, ChainHead.CODEC);
    segmentHeaders =
        new Column<>(
            ColumnFamily.SEGMENT_HEADERS,
            SegmentKey.CODEC,
            codec(SegmentHeader::encode, SegmentHeader::decode));
    superSegmentHeaders =
        new Column<>(
            ColumnFamily.SUPER_SEGMENT_HEADERS,
            Keys.SUPER_SEGMENT,
            codec(SuperSegmentHeader::encode, SuperSegmentHeader::decode));
    pieces =
        new Column<>(
            ColumnFamily.PIECES,
            PieceKey.CODEC,
            codec(p -> p.encode(params), b -> Piece.decode(b, params)));
    segmentLandings =
        new Column<>(
            ColumnFamily.SEGMENT_LANDINGS, Keys.GLOBAL_SEGMENT, SegmentLanding.codec(params));
    segmentGlobalIndex =
        new Column<>(ColumnFamily.SEGMENT_GLOBAL_INDEX, SegmentKey.CODEC, GLOBAL_INDEX_VALUE);
    archiverState = new Column<>(ColumnFamily.ARCHIVER_STATE, Keys.SHARD, Codecs.RAW);
    blockMeta = new Column<>(ColumnFamily.BLOCK_META, Keys.HASH, BlockMeta.CODEC);
  }

  private static final Codec<byte[]> EMPTY =
      new Codec<>() {
        @Override
        public byte[] encode(byte[] value) {
          if (value.length != 0) {
            throw new IllegalArgumentException(
                "block_index value: must be empty (value " + value.length + " bytes)");
          }
          return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
          Codecs.requireLength("block_index.value", bytes, 0);
          return bytes;
        }
      };

  private static final Codec<GlobalSegmentIndex> GLOBAL_INDEX_VALUE =
      new Codec<>() {
        @Override
        public byte[] encode(GlobalSegmentIndex value) {
          byte[] out = new byte[8];
          LittleEndian.putLong(out, 0, value.value());
          return out;
        }

        @Override
        public GlobalSegmentIndex decode(byte[] bytes) {
          Codecs.requireLength("segment_global_index.value", bytes, 8);
          return new GlobalSegmentIndex(LittleEndian.getLong(bytes, 0));
        }
      };

  private static Codec<BlockHeader> headerCodec(ProtocolParameters params) {
    return codec(h -> h.encode(params), b -> BlockHeader.decode(b, params));
  }

  private static Codec<BlockBody> bodyCodec(ProtocolParameters params) {
    ShardKind[] kinds = {ShardKind.BEACON, ShardKind.INTERMEDIATE, ShardKind.LEAF};
    return new Codec<>() {
      @Override
      public byte[] encode(BlockBody body) {
        byte[] encoded = body.encode(params);
        byte[] out = new byte[1 + encoded.length];
        out[0] =
            switch (body.kind()) {
              case BEACON -> 0;
              case INTERMEDIATE -> 1;
              case LEAF -> 2;
              case PHANTOM -> throw new IllegalArgumentException("body kind: phantom (value 3)");
            };
        System.arraycopy(encoded, 0, out, 1, encoded.length);
        return out;
      }

      @Override
      public BlockBody decode(byte[] bytes) {
        if (bytes.length == 0 || (bytes[0] & 0xFF) >= kinds.length) {
          throw new DecodeException(
              "bodies.value.kind",
              bytes.length == 0 ? "empty" : HexFormat.of().toHexDigits(bytes[0]),
              "must be 0 (beacon), 1 (intermediate) or 2 (leaf)");
        }
        byte[] encoded = new byte[bytes.length - 1];
        System.arraycopy(bytes, 1, encoded, 0, encoded.length);
        return BlockBody.decode(encoded, kinds[bytes[0]], params);
      }
    };
  }

  private static <T> Codec<T> codec(Function<T, byte[]> encode, Function<byte[], T> decode) {
    return new Codec<>() {
      @Override
      public byte[] encode(T value) {
        return encode.apply(value);
      }

      @Override
      public T decode(byte[] bytes) {
        return decode.apply(bytes);
      }
    };
  }
}
