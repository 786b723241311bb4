package dev.annals.consensus.sector;

import dev.annals.kernel.Blake3Hasher;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.PieceHeader;
import java.util.Arrays;

/**
 * Checks a whole sector without unsealing: size, contents map checksum, the metadata's s-bucket
 * sizes against the map, every stored piece header, the zero tail of the chunks region and the
 * final checksum. Reads the sector once; throws {@link CorruptSectorException} at the first damaged
 * region.
 */
public final class SectorVerifier {
  private static final int BLOCK = 1 << 20;

  private final ProtocolParameters params;

  public SectorVerifier(ProtocolParameters params) {
    this.params = params;
  }

  public void verify(SectorData sector, SectorMetadata metadata) {
    SectorLayout layout = SectorReader.checkedLayout(params, sector, metadata);
    SectorContentsMap map = SectorContentsMap.read(layout, sector);
    if (!metadata.matches(map)) {
      throw new CorruptSectorException(
          SectorRegion.SECTOR_METADATA, "s-bucket sizes disagree with the sector contents map");
    }
    byte[] recordMetadata = new byte[layout.recordMetadataSize()];
    for (int p = 0; p < layout.pieces(); p++) {
      sector.read(layout.recordMetadataOffset(p), recordMetadata, 0, recordMetadata.length);
      try {
        PieceHeader.decode(Arrays.copyOf(recordMetadata, params.pieceHeaderSize()), params);
      } catch (DecodeException e) {
        throw new CorruptSectorException(
            SectorRegion.RECORD_METADATA, "piece offset " + p + ": " + e.getMessage());
      }
    }
    long tailStart = layout.chunksOffset() + metadata.totalChunks() * SectorLayout.CHUNK_SIZE;
    Blake3Hasher hasher = Kernels.blake3().newHasher();
    byte[] block = new byte[BLOCK];
    long end = layout.checksumOffset();
    for (long at = 0; at < end; at += BLOCK) {
      int n = (int) Math.min(BLOCK, end - at);
      sector.read(at, block, 0, n);
      hasher.update(block, 0, n);
      checkZeroTail(block, at, n, tailStart, layout.recordMetadataOffset());
    }
    byte[] stored = new byte[Hash.SIZE];
    sector.read(end, stored, 0, Hash.SIZE);
    if (!Arrays.equals(stored, hasher.finish(Hash.SIZE))) {
      throw new CorruptSectorException(
          SectorRegion.SECTOR_CHECKSUM, "BLAKE3 of the sector differs from the stored checksum");
    }
  }

  private static void checkZeroTail(byte[] block, long at, int n, long tailStart, long tailEnd) {
    long from = Math.max(at, tailStart);
    long to = Math.min(at + n, tailEnd);
    for (long i = from; i < to; i++) {
      if (block[(int) (i - at)] != 0) {
        throw new CorruptSectorException(
            SectorRegion.RECORD_CHUNKS,
            "unused tail of the chunks region is not zero at byte " + i);
      }
    }
  }
}
