package dev.annals.consensus.sector;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.Arrays;

/**
 * What a farmer keeps beside a sector to audit it without reading the contents map: its index,
 * piece count, history size at plotting and the chunk count of every s-bucket. Encoded as sector
 * index u16, pieces u16, s-bucket sizes (u16 each, s ascending), history size u64 (segments − 1,
 * the wire form), then BLAKE3 of those bytes.
 */
public final class SectorMetadata {
  private final SectorIndex sectorIndex;
  private final int pieces;
  private final int[] sBucketSizes;
  private final HistorySize historySize;
  private final long[] sBucketOffsets;

  public SectorMetadata(
      SectorIndex sectorIndex, int pieces, int[] sBucketSizes, HistorySize historySize) {
    this.sectorIndex = sectorIndex;
    this.pieces = pieces;
    this.sBucketSizes = sBucketSizes.clone();
    this.historySize = historySize;
    this.sBucketOffsets = new long[sBucketSizes.length + 1];
    for (int s = 0; s < sBucketSizes.length; s++) {
      if (sBucketSizes[s] < 0 || sBucketSizes[s] > pieces) {
        throw new IllegalArgumentException(
            "s_bucket_sizes["
                + s
                + "]: must be in 0..="
                + pieces
                + " (value "
                + sBucketSizes[s]
                + ")");
      }
      sBucketOffsets[s + 1] = sBucketOffsets[s] + sBucketSizes[s];
    }
  }

  public static int encodedSize(ProtocolParameters params) {
    return 2 + 2 + 2 * params.sBuckets() + 8 + Hash.SIZE;
  }

  public SectorIndex sectorIndex() {
    return sectorIndex;
  }

  public int pieces() {
    return pieces;
  }

  public HistorySize historySize() {
    return historySize;
  }

  public int sBucketSize(int sBucket) {
    return sBucketSizes[sBucket];
  }

  /** Stored chunks before s-bucket {@code sBucket}: its start in the record chunks region. */
  public long sBucketOffset(int sBucket) {
    return sBucketOffsets[sBucket];
  }

  public long totalChunks() {
    return sBucketOffsets[sBucketSizes.length];
  }

  public SectorLayout layout(ProtocolParameters params) {
    if (sBucketSizes.length != params.sBuckets()) {
      throw new CorruptSectorException(
          SectorRegion.SECTOR_METADATA,
          "has "
              + sBucketSizes.length
              + " s-buckets, preset "
              + params.name()
              + " has "
              + params.sBuckets());
    }
    return new SectorLayout(params, pieces);
  }

  public byte[] encode() {
    byte[] out = new byte[2 + 2 + 2 * sBucketSizes.length + 8 + Hash.SIZE];
    putU16(out, 0, sectorIndex.value());
    putU16(out, 2, pieces);
    for (int s = 0; s < sBucketSizes.length; s++) {
      putU16(out, 4 + 2 * s, sBucketSizes[s]);
    }
    int at = 4 + 2 * sBucketSizes.length;
    LittleEndian.putLong(out, at, historySize.encoded());
    Kernels.blake3().newHasher().update(out, 0, at + 8).finish(out, at + 8, Hash.SIZE);
    return out;
  }

  /** Decodes and checks metadata written by {@link #encode()} for this preset. */
  public static SectorMetadata decode(byte[] bytes, ProtocolParameters params) {
    int expected = encodedSize(params);
    if (bytes.length != expected) {
      throw new CorruptSectorException(
          SectorRegion.SECTOR_METADATA,
          "must be "
              + expected
              + " bytes in preset "
              + params.name()
              + " (value "
              + bytes.length
              + ")");
    }
    int body = expected - Hash.SIZE;
    byte[] actual = Kernels.blake3().hash(bytes, 0, body);
    if (!Arrays.equals(actual, 0, Hash.SIZE, bytes, body, expected)) {
      throw new CorruptSectorException(SectorRegion.SECTOR_METADATA, "checksum mismatch");
    }
    int pieces = getU16(bytes, 2);
    if (pieces < 1 || pieces > params.maxPiecesInSector()) {
      throw new CorruptSectorException(
          SectorRegion.SECTOR_METADATA,
          "pieces_in_sector must be in 1..="
              + params.maxPiecesInSector()
              + " (value "
              + pieces
              + ")");
    }
    int[] sizes = new int[params.sBuckets()];
    long total = 0;
    for (int s = 0; s < sizes.length; s++) {
      sizes[s] = getU16(bytes, 4 + 2 * s);
      if (sizes[s] > pieces) {
        throw new CorruptSectorException(
            SectorRegion.SECTOR_METADATA,
            "s-bucket " + s + " holds " + sizes[s] + " chunks, more than " + pieces + " pieces");
      }
      total += sizes[s];
    }
    if (total > (long) pieces * params.recordChunks()) {
      throw new CorruptSectorException(
          SectorRegion.SECTOR_METADATA,
          "s-buckets hold "
              + total
              + " chunks, more than the region's "
              + (long) pieces * params.recordChunks());
    }
    long encodedHistory = LittleEndian.getLong(bytes, 4 + 2 * sizes.length);
    HistorySize history;
    try {
      history = HistorySize.fromEncoded(encodedHistory);
    } catch (IllegalArgumentException e) {
      throw new CorruptSectorException(SectorRegion.SECTOR_METADATA, e.getMessage());
    }
    return new SectorMetadata(new SectorIndex(getU16(bytes, 0)), pieces, sizes, history);
  }

  /** Whether the s-bucket sizes match those counted from a contents map. */
  public boolean matches(SectorContentsMap map) {
    return Arrays.equals(sBucketSizes, map.sBucketSizes());
  }

  private static void putU16(byte[] out, int at, int value) {
    out[at] = (byte) value;
    out[at + 1] = (byte) (value >>> 8);
  }

  private static int getU16(byte[] in, int at) {
    return (in[at] & 0xff) | (in[at + 1] & 0xff) << 8;
  }
}
