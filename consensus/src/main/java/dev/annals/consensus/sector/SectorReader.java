package dev.annals.consensus.sector;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.util.Arrays;

/**
 * Reads pieces back out of a plotted sector (unsealing): regenerate the record's proofs of space,
 * unmask its stored chunks, recover the source chunks with the erasure decoder, attach the stored
 * piece header and check the stored piece checksum. Every failed check is a {@link
 * CorruptSectorException} naming the region; a piece is returned only when its checksum matches.
 */
public final class SectorReader {
  private final ProtocolParameters params;
  private final RecordUnsealer unsealer;

  public SectorReader(ProtocolParameters params, int threads) {
    this(params, Kernels.proofOfSpace(SectorLayout.posParameters(params), threads));
  }

  public SectorReader(ProtocolParameters params, ProofOfSpace pos) {
    this.params = params;
    this.unsealer = new RecordUnsealer(pos);
  }

  public Piece readPiece(
      SectorData sector, SectorMetadata metadata, SectorId sectorId, int pieceOffset) {
    SectorLayout layout = checkedLayout(params, sector, metadata);
    SectorContentsMap map = SectorContentsMap.read(layout, sector);
    UnsealedChunks unsealed = unsealer.unseal(sector, layout, metadata, map, sectorId, pieceOffset);
    byte[] record = recoverSource(params, unsealed.chunks(), pieceOffset);

    byte[] recordMetadata = new byte[layout.recordMetadataSize()];
    sector.read(layout.recordMetadataOffset(pieceOffset), recordMetadata, 0, recordMetadata.length);
    int headerSize = params.pieceHeaderSize();
    byte[] pieceBytes = new byte[params.pieceSize()];
    System.arraycopy(recordMetadata, 0, pieceBytes, 0, headerSize);
    System.arraycopy(record, 0, pieceBytes, headerSize, record.length);
    byte[] checksum = Kernels.blake3().hash(pieceBytes);
    if (!Arrays.equals(
        checksum, 0, Hash.SIZE, recordMetadata, headerSize, headerSize + Hash.SIZE)) {
      throw new CorruptSectorException(SectorRegion.PIECE_CHECKSUM, "piece offset " + pieceOffset);
    }
    try {
      return Piece.decode(pieceBytes, params);
    } catch (DecodeException e) {
      throw new CorruptSectorException(
          SectorRegion.RECORD_METADATA, "piece offset " + pieceOffset + ": " + e.getMessage());
    }
  }

  static SectorLayout checkedLayout(
      ProtocolParameters params, SectorData sector, SectorMetadata metadata) {
    SectorLayout layout = metadata.layout(params);
    if (sector.size() != layout.sectorSize()) {
      throw new CorruptSectorException(
          SectorRegion.SIZE,
          "must be "
              + layout.sectorSize()
              + " bytes for "
              + layout.pieces()
              + " pieces in preset "
              + params.name()
              + " (value "
              + sector.size()
              + ")");
    }
    return layout;
  }

  /** The source record from whatever extended chunks are present (at least the chunk count). */
  static byte[] recoverSource(ProtocolParameters params, byte[][] extended, int pieceOffset) {
    int k = params.recordChunks();
    int present = 0;
    int sourcePresent = 0;
    for (int s = 0; s < extended.length; s++) {
      if (extended[s] != null) {
        present++;
        if (s < k) {
          sourcePresent++;
        }
      }
    }
    if (present < k) {
      throw new CorruptSectorException(
          SectorRegion.CONTENTS_MAP,
          "piece offset " + pieceOffset + " has " + present + " stored chunks, " + k + " needed");
    }
    byte[] record = new byte[params.recordSize()];
    if (sourcePresent == k) {
      for (int s = 0; s < k; s++) {
        System.arraycopy(
            extended[s], 0, record, s * SectorLayout.CHUNK_SIZE, SectorLayout.CHUNK_SIZE);
      }
      return record;
    }
    int[] originalIndices = new int[sourcePresent];
    byte[][] originals = new byte[sourcePresent][];
    int[] recoveryIndices = new int[present - sourcePresent];
    byte[][] recovery = new byte[present - sourcePresent][];
    int o = 0;
    int r = 0;
    for (int s = 0; s < extended.length; s++) {
      if (extended[s] == null) {
        continue;
      }
      if (s < k) {
        originalIndices[o] = s;
        originals[o++] = extended[s];
      } else {
        recoveryIndices[r] = s - k;
        recovery[r++] = extended[s];
      }
    }
    byte[][] recovered =
        Kernels.erasureCoder()
            .recoverOriginals(k, k, originalIndices, originals, recoveryIndices, recovery);
    for (int s = 0; s < k; s++) {
      System.arraycopy(
          recovered[s], 0, record, s * SectorLayout.CHUNK_SIZE, SectorLayout.CHUNK_SIZE);
    }
    return record;
  }
}
