package dev.annals.consensus.sector;

import dev.annals.kernel.pos.PosParameters;
import dev.annals.primitives.Hash;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * Byte offsets of a plotted sector of {@code pieces} pieces (Abundance's {@code write_sector}):
 *
 * <ol>
 *   <li>contents map: {@code pieces} bitmaps of {@code s-buckets / 8} bytes, then their BLAKE3;
 *   <li>record chunks: {@code pieces × record size} bytes; stored chunks s-bucket-major from the
 *       start, any unused tail zero;
 *   <li>record metadata: per piece its header then BLAKE3 of the whole piece;
 *   <li>BLAKE3 of everything before.
 * </ol>
 */
public record SectorLayout(ProtocolParameters params, int pieces) {
  public static final int CHUNK_SIZE = ProtocolParameters.CHUNK_SIZE;

  public SectorLayout {
    if (pieces < 1 || pieces > params.maxPiecesInSector()) {
      throw new IllegalArgumentException(
          "pieces_in_sector: must be in 1..="
              + params.maxPiecesInSector()
              + " in preset "
              + params.name()
              + " (value "
              + pieces
              + ")");
    }
  }

  /** The proof-of-space table shape of this preset's records. */
  public static PosParameters posParameters(ProtocolParameters params) {
    return new PosParameters(params.posK(), params.sBuckets());
  }

  public int bitmapSize() {
    return params.sBuckets() / 8;
  }

  public long contentsMapSize() {
    return (long) pieces * bitmapSize() + Hash.SIZE;
  }

  public long chunksOffset() {
    return contentsMapSize();
  }

  public long chunksSize() {
    return (long) pieces * params.recordSize();
  }

  public int recordMetadataSize() {
    return params.pieceHeaderSize() + Hash.SIZE;
  }

  public long recordMetadataOffset() {
    return chunksOffset() + chunksSize();
  }

  public long recordMetadataOffset(int pieceOffset) {
    return recordMetadataOffset() + (long) pieceOffset * recordMetadataSize();
  }

  public long checksumOffset() {
    return recordMetadataOffset() + (long) pieces * recordMetadataSize();
  }

  public long sectorSize() {
    return checksumOffset() + Hash.SIZE;
  }
}
