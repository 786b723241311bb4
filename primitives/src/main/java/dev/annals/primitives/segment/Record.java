package dev.annals.primitives.segment;

import dev.annals.primitives.params.ProtocolParameters;
import java.util.Arrays;

/**
 * A record: the piece payload, {@code record chunks × 32} bytes (1 MiB in production, 4 KiB in
 * dev). Immutable; the bytes are copied in and out.
 */
public final class Record {
  private final byte[] bytes;

  private Record(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Record of(byte[] bytes, ProtocolParameters params) {
    return wrap(bytes.clone(), params);
  }

  /** Takes ownership of {@code bytes} (no copy: records are large). */
  public static Record wrap(byte[] bytes, ProtocolParameters params) {
    if (bytes.length != params.recordSize()) {
      throw new IllegalArgumentException(
          "record: must be "
              + params.recordSize()
              + " bytes in preset "
              + params.name()
              + " (value "
              + bytes.length
              + ")");
    }
    return new Record(bytes);
  }

  public int size() {
    return bytes.length;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Record r && Arrays.equals(bytes, r.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Record[" + bytes.length + " bytes]";
  }
}
