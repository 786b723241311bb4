package dev.annals.primitives.codec;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import java.util.Arrays;

/** Writes little-endian fields into a growing array; sized up front when the size is known. */
public final class ByteWriter {
  private byte[] bytes;
  private int position;

  public ByteWriter(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  private int reserve(int length) {
    if (length > bytes.length - position) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + length));
    }
    int at = position;
    position += length;
    return at;
  }

  public ByteWriter u8(int value) {
    bytes[reserve(1)] = (byte) value;
    return this;
  }

  public ByteWriter u16(int value) {
    int at = reserve(2);
    bytes[at] = (byte) value;
    bytes[at + 1] = (byte) (value >>> 8);
    return this;
  }

  public ByteWriter u32(long value) {
    LittleEndian.putInt(bytes, reserve(4), (int) value);
    return this;
  }

  public ByteWriter u64(long value) {
    LittleEndian.putLong(bytes, reserve(8), value);
    return this;
  }

  public ByteWriter bytes(byte[] value) {
    System.arraycopy(value, 0, bytes, reserve(value.length), value.length);
    return this;
  }

  public ByteWriter hash(Hash value) {
    value.copyTo(bytes, reserve(Hash.SIZE));
    return this;
  }

  public ByteWriter bytes(Bytes value) {
    value.copyTo(bytes, reserve(value.length()));
    return this;
  }

  public ByteWriter zeros(int length) {
    reserve(length);
    return this;
  }

  public int size() {
    return position;
  }

  /** The written bytes; the writer's array itself when it was sized exactly. */
  public byte[] toByteArray() {
    return position == bytes.length ? bytes : Arrays.copyOf(bytes, position);
  }
}
