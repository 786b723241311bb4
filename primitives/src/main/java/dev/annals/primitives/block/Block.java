package dev.annals.primitives.block;

import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * A sealed block: its header and its body, of the same shard kind. Its archiver bytes, the form in
 * which a confirmed block enters its shard's history, are {@code u32 header length ‖ u32 body
 * length ‖ header ‖ body} (little-endian lengths).
 */
public record Block(BlockHeader header, BlockBody body) {
  public Block {
    if (header == null || body == null) {
      throw new IllegalArgumentException("block: header and body must be set (value null)");
    }
    if (header.kind() != body.kind()) {
      throw new IllegalArgumentException(
          "block.body: a "
              + header.kind()
              + " header needs a "
              + header.kind()
              + " body (value a "
              + body.kind()
              + " body)");
    }
  }

  public byte[] archiverBytes(ProtocolParameters params) {
    byte[] headerBytes = header.encode(params);
    byte[] bodyBytes = body.encode(params);
    return new ByteWriter(8 + headerBytes.length + bodyBytes.length)
        .u32(headerBytes.length)
        .u32(bodyBytes.length)
        .bytes(headerBytes)
        .bytes(bodyBytes)
        .toByteArray();
  }

  /** Decodes a block from its archiver bytes; no bytes may remain. */
  public static Block fromArchiverBytes(byte[] bytes, ProtocolParameters params) {
    ByteReader r = new ByteReader(bytes);
    long headerLength = r.u32("header_length");
    long bodyLength = r.u32("body_length");
    if (headerLength + bodyLength != r.remaining()) {
      throw new DecodeException(
          "block.body_length",
          Long.toString(bodyLength),
          "header and body lengths add up to "
              + (headerLength + bodyLength)
              + " but "
              + r.remaining()
              + " bytes follow");
    }
    BlockHeader header =
        BlockHeader.decode(r.fixed("header", (int) headerLength).toBytes(), params);
    BlockBody body =
        BlockBody.decode(r.fixed("body", (int) bodyLength).toBytes(), header.kind(), params);
    r.expectEnd("block");
    return new Block(header, body);
  }
}
