package dev.annals.consensus.sector;

import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.PieceOffset;
import java.util.Arrays;

/**
 * Reads one record's stored chunks out of a sector and removes the proof-of-space masks: the proofs
 * are regenerated from the sector id and offset, and must be found at exactly the s-buckets the
 * contents map records for the offset (otherwise the map or the sector id is wrong).
 */
final class RecordUnsealer {
  private final ProofOfSpace pos;

  RecordUnsealer(ProofOfSpace pos) {
    this.pos = pos;
  }

  UnsealedChunks unseal(
      SectorData sector,
      SectorLayout layout,
      SectorMetadata metadata,
      SectorContentsMap map,
      SectorId sectorId,
      int pieceOffset) {
    PosProofs proofs = pos.createProofs(sectorId.evaluationSeed(new PieceOffset(pieceOffset)));
    byte[] row = map.row(pieceOffset);
    byte[] found = proofs.foundProofs();
    if (!Arrays.equals(
        row, StoredChunks.row(found, proofs.count(), layout.params().recordChunks()))) {
      throw new CorruptSectorException(
          SectorRegion.CONTENTS_MAP,
          "row of piece offset "
              + pieceOffset
              + " differs from the proofs of space regenerated for sector id "
              + sectorId
              + " (damaged map or wrong sector id)");
    }
    byte[] masks = ProofMasks.of(proofs);
    byte[][] chunks = new byte[layout.params().sBuckets()][];
    int[] rankBase = new int[chunks.length];
    // Rank of this piece in each s-bucket = set bits of earlier rows in that column.
    byte[] rows = map.rows();
    for (int p = 0; p < pieceOffset; p++) {
      int start = p * row.length;
      for (int i = 0; i < row.length; i++) {
        int bits = rows[start + i] & row[i] & 0xff;
        while (bits != 0) {
          rankBase[i * 8 + Integer.numberOfTrailingZeros(bits)]++;
          bits &= bits - 1;
        }
      }
    }
    long chunksInRegion = layout.chunksSize() / SectorLayout.CHUNK_SIZE;
    int masked = 0;
    for (int i = 0; i < row.length; i++) {
      int bits = row[i] & 0xff;
      while (bits != 0) {
        int bit = Integer.numberOfTrailingZeros(bits);
        int s = i * 8 + bit;
        bits &= bits - 1;
        if (rankBase[s] >= metadata.sBucketSize(s)) {
          throw new CorruptSectorException(
              SectorRegion.SECTOR_METADATA,
              "s-bucket "
                  + s
                  + " size "
                  + metadata.sBucketSize(s)
                  + " disagrees with the contents map");
        }
        long location = metadata.sBucketOffset(s) + rankBase[s];
        if (location >= chunksInRegion) {
          throw new CorruptSectorException(
              SectorRegion.SECTOR_METADATA,
              "chunk location " + location + " past the chunks region");
        }
        byte[] chunk = new byte[SectorLayout.CHUNK_SIZE];
        sector.read(
            layout.chunksOffset() + location * SectorLayout.CHUNK_SIZE, chunk, 0, chunk.length);
        if ((found[i] & (1 << bit)) != 0) {
          int maskAt = masked++ * SectorLayout.CHUNK_SIZE;
          for (int b = 0; b < chunk.length; b++) {
            chunk[b] ^= masks[maskAt + b];
          }
        }
        chunks[s] = chunk;
      }
    }
    return new UnsealedChunks(chunks, proofs);
  }
}
