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

  /** Makes room for {@code length} bytes; callers must read {@code bytes} only after this. */
  private int reserve(int length) {
    if (length > bytes.length - position) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + length));
    }
    int at = position;
    position += length;
    return at;
  }

  public ByteWriter u8(int value) {
    int at = reserve(1);
    bytes[at] = (byte) value;
    return this;
  }

  public ByteWriter u16(int value) {
    int at = reserve(2);
    bytes[at] = (byte) value;
    bytes[at + 1] = (byte) (value >>> 8);
    return this;
  }

  public ByteWriter u32(long value) {
    int at = reserve(4);
    LittleEndian.putInt(bytes, at, (int) value);
    return this;
  }

  public ByteWriter u64(long value) {
    int at = reserve(8);
    LittleEndian.putLong(bytes, at, value);
    return this;
  }

  public ByteWriter bytes(byte[] value) {
    int at = reserve(value.length);
    System.arraycopy(value, 0, bytes, at, value.length);
    return this;
  }

  public ByteWriter hash(Hash value) {
    int at = reserve(Hash.SIZE);
    value.copyTo(bytes, at);
    return this;
  }

  public ByteWriter bytes(Bytes value) {
    int at = reserve(value.length());
    value.copyTo(bytes, at);
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
