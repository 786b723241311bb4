package dev.annals.consensus.sector;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import java.util.Arrays;

/**
 * Which s-buckets of each record were stored: one bitmap per piece offset (bit s at byte s/8, bit s
 * mod 8, least significant first), the record's {@code found proofs}. On disk: the bitmaps back to
 * back, then their BLAKE3.
 */
public final class SectorContentsMap {
  private final SectorLayout layout;
  private final byte[] rows;

  private SectorContentsMap(SectorLayout layout, byte[] rows) {
    this.layout = layout;
    this.rows = rows;
  }

  static SectorContentsMap empty(SectorLayout layout) {
    return new SectorContentsMap(layout, new byte[layout.pieces() * layout.bitmapSize()]);
  }

  /** Reads and checks the map at the start of {@code sector}. */
  public static SectorContentsMap read(SectorLayout layout, SectorData sector) {
    byte[] bytes = new byte[Math.toIntExact(layout.contentsMapSize())];
    sector.read(0, bytes, 0, bytes.length);
    int rowsSize = bytes.length - Hash.SIZE;
    byte[] actual = Kernels.blake3().hash(bytes, 0, rowsSize);
    if (!Arrays.equals(actual, 0, Hash.SIZE, bytes, rowsSize, bytes.length)) {
      throw new CorruptSectorException(
          SectorRegion.CONTENTS_MAP,
          "checksum mismatch (stored "
              + Hash.wrap(Arrays.copyOfRange(bytes, rowsSize, bytes.length))
              + ", computed "
              + Hash.wrap(actual)
              + ")");
    }
    return new SectorContentsMap(layout, Arrays.copyOf(bytes, rowsSize));
  }

  byte[] encode() {
    byte[] out = Arrays.copyOf(rows, rows.length + Hash.SIZE);
    byte[] checksum = Kernels.blake3().hash(rows);
    System.arraycopy(checksum, 0, out, rows.length, Hash.SIZE);
    return out;
  }

  void setRow(int pieceOffset, byte[] bitmap) {
    System.arraycopy(bitmap, 0, rows, rowStart(pieceOffset), layout.bitmapSize());
  }

  /** The rows back to back (not a copy: callers in this package only read it). */
  byte[] rows() {
    return rows;
  }

  public byte[] row(int pieceOffset) {
    int start = rowStart(pieceOffset);
    return Arrays.copyOfRange(rows, start, start + layout.bitmapSize());
  }

  public boolean isSet(int pieceOffset, int sBucket) {
    return (rows[rowStart(pieceOffset) + (sBucket >>> 3)] & (1 << (sBucket & 7))) != 0;
  }

  /** Chunks stored in each s-bucket (pieces whose bit s is set). */
  public int[] sBucketSizes() {
    int[] sizes = new int[layout.params().sBuckets()];
    for (int p = 0; p < layout.pieces(); p++) {
      int start = rowStart(p);
      for (int i = 0; i < layout.bitmapSize(); i++) {
        int bits = rows[start + i] & 0xff;
        while (bits != 0) {
          sizes[i * 8 + Integer.numberOfTrailingZeros(bits)]++;
          bits &= bits - 1;
        }
      }
    }
    return sizes;
  }

  /** How many pieces before {@code pieceOffset} store a chunk in {@code sBucket}. */
  public int rankInSBucket(int pieceOffset, int sBucket) {
    int byteIndex = sBucket >>> 3;
    int mask = 1 << (sBucket & 7);
    int rank = 0;
    for (int p = 0; p < pieceOffset; p++) {
      if ((rows[p * layout.bitmapSize() + byteIndex] & mask) != 0) {
        rank++;
      }
    }
    return rank;
  }

  /** The piece offset owning chunk {@code chunkOffset} of {@code sBucket}, or -1 past its end. */
  public int pieceOffsetOf(int sBucket, int chunkOffset) {
    int byteIndex = sBucket >>> 3;
    int mask = 1 << (sBucket & 7);
    int seen = 0;
    for (int p = 0; p < layout.pieces(); p++) {
      if ((rows[p * layout.bitmapSize() + byteIndex] & mask) != 0) {
        if (seen == chunkOffset) {
          return p;
        }
        seen++;
      }
    }
    return -1;
  }

  private int rowStart(int pieceOffset) {
    if (pieceOffset < 0 || pieceOffset >= layout.pieces()) {
      throw new IllegalArgumentException(
          "piece_offset: must be below " + layout.pieces() + " (value " + pieceOffset + ")");
    }
    return pieceOffset * layout.bitmapSize();
  }
}
