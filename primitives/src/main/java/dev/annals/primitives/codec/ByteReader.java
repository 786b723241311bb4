package dev.annals.primitives.codec;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import java.util.HexFormat;

/**
 * Reads little-endian fields from a byte array with bounds checks. Every read names its field so a
 * short or malformed input fails with a {@link DecodeException} saying which field and why. A
 * prefix (e.g. {@code "consensus_info."}) scopes the field names of nested structures.
 */
public final class ByteReader {
  private final byte[] bytes;
  private final int end;
  private int position;
  private String prefix = "";

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public ByteReader(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IllegalArgumentException(
          "range [" + offset + ", +" + length + ") outside array of " + bytes.length);
    }
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  /** Sets the scope prepended to field names; returns the previous one to restore later. */
  public String scope(String newPrefix) {
    String old = prefix;
    prefix = newPrefix;
    return old;
  }

  public String field(String name) {
    return prefix + name;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return end - position;
  }

  private int take(String name, int length) {
    if (length > end - position) {
      throw new DecodeException(
          field(name),
          (end - position) + " bytes left",
          "truncated: needs " + length + " bytes at offset " + position);
    }
    int at = position;
    position += length;
    return at;
  }

  public int u8(String name) {
    return bytes[take(name, 1)] & 0xFF;
  }

  public int u16(String name) {
    int at = take(name, 2);
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
  }

  /** A u32 as a non-negative long. */
  public long u32(String name) {
    int at = take(name, 4);
    return Integer.toUnsignedLong(LittleEndian.getInt(bytes, at));
  }

  /** A u64 in a long (two's complement carries the unsigned value). */
  public long u64(String name) {
    return LittleEndian.getLong(bytes, take(name, 8));
  }

  public byte[] bytes(String name, int length) {
    int at = take(name, length);
    byte[] out = new byte[length];
    System.arraycopy(bytes, at, out, 0, length);
    return out;
  }

  public Bytes fixed(String name, int length) {
    return Bytes.wrap(bytes(name, length));
  }

  public Hash hash(String name) {
    return Hash.wrap(bytes(name, Hash.SIZE));
  }

  /** Reserved or padding bytes that must all be zero. */
  public void zeros(String name, int length) {
    int at = take(name, length);
    for (int i = 0; i < length; i++) {
      if (bytes[at + i] != 0) {
        throw new DecodeException(
            field(name), HexFormat.of().formatHex(bytes, at, at + length), "padding must be zero");
      }
    }
  }

  /** Fails when bytes remain after a value that must use up its input exactly. */
  public void expectEnd(String what) {
    if (position != end) {
      throw new DecodeException(
          prefix + what, (end - position) + " trailing bytes", "input longer than the value");
    }
  }
}
