package dev.annals.primitives;

import dev.annals.kernel.Kernels;
import java.util.Arrays;
import java.util.HexFormat;

/** A 32-byte BLAKE3 output (or any 32-byte root). Immutable; printed as lower-case hex. */
public final class Hash implements Comparable<Hash> {
  public static final int SIZE = 32;
  public static final Hash ZERO = new Hash(new byte[SIZE]);

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A hash holding a copy of {@code bytes}, which must be exactly 32 long. */
  public static Hash of(byte[] bytes) {
    return wrap(bytes.clone());
  }

  /** Takes ownership of {@code bytes}: callers must not change the array afterwards. */
  public static Hash wrap(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("hash: must be 32 bytes (value " + bytes.length + ")");
    }
    return new Hash(bytes);
  }

  /** Parses 64 hex digits (either case, no prefix). */
  public static Hash fromHex(String hex) {
    if (hex.length() != 2 * SIZE) {
      throw new IllegalArgumentException("hash: must be 64 hex digits (value '" + hex + "')");
    }
    try {
      return new Hash(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hash: not hex (value '" + hex + "')", e);
    }
  }

  /** BLAKE3-256 of {@code input}. */
  public static Hash blake3(byte[] input) {
    return new Hash(Kernels.blake3().hash(input));
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, SIZE);
  }

  public byte get(int index) {
    return bytes[index];
  }

  public boolean isZero() {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
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
