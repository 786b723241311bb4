package dev.annals.genesis;

import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * A block as the archiver takes it: header length u32 LE ‖ body length u32 LE ‖ header ‖ body
 * (protocol-facts §4, Abundance's {@code encode_block}).
 */
public final class ArchiverBytes {
  private ArchiverBytes() {}

  public static byte[] of(BlockHeader header, BlockBody body, ProtocolParameters params) {
    return of(header.encode(params), body.encode(params), 0);
  }

  /** The encoding in an array of at least {@code capacity} bytes (the tail left zero). */
  static byte[] of(byte[] header, byte[] body, int capacity) {
    int length = 8 + header.length + body.length;
    byte[] out = new byte[Math.max(length, capacity)];
    LittleEndian.putInt(out, 0, header.length);
    LittleEndian.putInt(out, 4, body.length);
    System.arraycopy(header, 0, out, 8, header.length);
    System.arraycopy(body, 0, out, 8 + header.length, body.length);
    return out;
  }
}
