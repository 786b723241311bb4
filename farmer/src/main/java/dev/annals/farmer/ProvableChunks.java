package dev.annals.farmer;

import dev.annals.consensus.sector.AuditCandidate;
import dev.annals.consensus.sector.CorruptSectorException;
import dev.annals.consensus.sector.SectorContentsMap;
import dev.annals.consensus.sector.SectorData;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorMetadata;
import dev.annals.consensus.sector.SectorRegion;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * Which stored chunks of a sector carry a proof of space, one bit per chunk of the record chunks
 * region (bit = s-bucket offset + chunk offset). The rest are filler chunks (docs/sectors.md),
 * which can never win; without this map every filler candidate costs a proof-of-space table build
 * in the prover before it is refused. At the dev K = 12 about 19 of 20 candidates are fillers, so a
 * dev farm builds the map once per sector (one table per record, as much as plotting again) and
 * proves only chunks that can win. At K = 20 records are full and the map is not worth building.
 */
public final class ProvableChunks {
  private final long[] bits;

  private ProvableChunks(long[] bits) {
    this.bits = bits;
  }

  static ProvableChunks compute(
      ProtocolParameters params,
      ProofOfSpace pos,
      SectorId sectorId,
      SectorMetadata metadata,
      SectorData data) {
    SectorContentsMap map = SectorContentsMap.read(metadata.layout(params), data);
    long[] bits = new long[(int) ((metadata.totalChunks() + 63) >>> 6)];
    for (int p = 0; p < metadata.pieces(); p++) {
      byte[] found = pos.createProofs(sectorId.evaluationSeed(new PieceOffset(p))).foundProofs();
      for (int i = 0; i < found.length; i++) {
        int b = found[i] & 0xff;
        while (b != 0) {
          int s = i * 8 + Integer.numberOfTrailingZeros(b);
          b &= b - 1;
          if (!map.isSet(p, s)) {
            throw new CorruptSectorException(
                SectorRegion.CONTENTS_MAP,
                "piece offset " + p + " has a proof for s-bucket " + s + " its row does not store");
          }
          long at = metadata.sBucketOffset(s) + map.rankInSBucket(p, s);
          bits[(int) (at >>> 6)] |= 1L << (at & 63);
        }
      }
    }
    return new ProvableChunks(bits);
  }

  /** Whether an audited chunk carries a proof of space (false: a filler, it cannot win). */
  public boolean canWin(SectorMetadata metadata, AuditCandidate candidate) {
    long at = metadata.sBucketOffset(candidate.sBucket()) + candidate.chunkOffset();
    return (bits[(int) (at >>> 6)] & (1L << (at & 63))) != 0;
  }
}
