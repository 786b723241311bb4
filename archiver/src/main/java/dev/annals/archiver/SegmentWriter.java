package dev.annals.archiver;

import java.util.Arrays;

/**
 * Writes a segment's bytes in order across equal-sized parts, so the archiver can lay the segment
 * straight into the record arrays that become its pieces instead of into one buffer it then copies.
 */
final class SegmentWriter {
  private final byte[][] parts;
  private final int partSize;
  private final long size;
  private long position;

  /** A writer over {@code parts}, all of the same non-zero length, which the segment fills. */
  SegmentWriter(byte[][] parts) {
    if (parts.length == 0 || parts[0].length == 0) {
      throw new IllegalArgumentException("a segment needs at least one non-empty part");
    }
    this.parts = parts;
    this.partSize = parts[0].length;
    for (byte[] part : parts) {
      if (part.length != partSize) {
        throw new IllegalArgumentException(
            "segment parts must all be " + partSize + " bytes, got one of " + part.length);
      }
    }
    this.size = (long) partSize * parts.length;
  }

  long size() {
    return size;
  }

  long remaining() {
    return size - position;
  }

  void putByte(int value) {
    parts[(int) (position / partSize)][(int) (position % partSize)] = (byte) value;
    position++;
  }

  void putIntLittleEndian(int value) {
    for (int i = 0; i < Integer.BYTES; i++) {
      putByte(value >>> (8 * i));
    }
  }

  void putBytes(byte[] source, int offset, int length) {
    checkRoom(length);
    while (length > 0) {
      int part = (int) (position / partSize);
      int at = (int) (position % partSize);
      int n = Math.min(length, partSize - at);
      System.arraycopy(source, offset, parts[part], at, n);
      offset += n;
      length -= n;
      position += n;
    }
  }

  /** Zeroes everything not written yet: the segment's padding tail. */
  void zeroRest() {
    while (position < size) {
      int part = (int) (position / partSize);
      int at = (int) (position % partSize);
      Arrays.fill(parts[part], at, partSize, (byte) 0);
      position += partSize - at;
    }
  }

  private void checkRoom(long length) {
    if (length > remaining()) {
      throw new IllegalStateException(
          "segment overflow: " + length + " bytes with " + remaining() + " left");
    }
  }
}
