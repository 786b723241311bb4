package dev.annals.primitives;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, for fixed-size opaque fields (proof of space,
 * proof-of-time outputs, keys, signatures) and opaque payloads (transactions).
 */
public final class Bytes {
  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Bytes of(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  /** Takes ownership of {@code bytes}. */
  public static Bytes wrap(byte[] bytes) {
    return new Bytes(bytes);
  }

  public static Bytes zeros(int length) {
    return new Bytes(new byte[length]);
  }

  /** Checks the length, naming {@code field} when it is wrong. */
  public Bytes requireLength(String field, int length) {
    if (bytes.length != length) {
      throw new IllegalArgumentException(
          field + ": must be " + length + " bytes (value " + bytes.length + " bytes)");
    }
    return this;
  }

  public int length() {
    return bytes.length;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
