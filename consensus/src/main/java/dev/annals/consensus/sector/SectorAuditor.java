package dev.annals.consensus.sector;

import dev.annals.consensus.challenge.SolutionDistance;
import dev.annals.primitives.Hash;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Audits a sector for a slot (Abundance's {@code audit_sector_sync}): the slot challenge picks one
 * s-bucket; only that s-bucket's stored chunks are read (its place comes from the metadata's
 * s-bucket sizes) and each masked chunk's {@link SolutionDistance} is computed. Candidates come
 * back nearest first (ties in chunk order). Like Abundance it does not checksum the sector: the
 * prover does, before anything is claimed.
 */
public final class SectorAuditor {
  private final ProtocolParameters params;

  public SectorAuditor(ProtocolParameters params) {
    this.params = params;
  }

  public List<AuditCandidate> audit(
      SectorData sector,
      SectorMetadata metadata,
      SectorId sectorId,
      Hash globalChallenge,
      long solutionRange) {
    SectorLayout layout = SectorReader.checkedLayout(params, sector, metadata);
    SectorSlotChallenge challenge = sectorId.slotChallenge(globalChallenge);
    byte[] slotChallenge = challenge.toBytes();
    int s = challenge.sBucket(params.sBuckets());
    int size = metadata.sBucketSize(s);
    List<AuditCandidate> candidates = new ArrayList<>();
    if (size == 0) {
      return candidates;
    }
    byte[] chunks = new byte[size * SectorLayout.CHUNK_SIZE];
    sector.read(
        layout.chunksOffset() + metadata.sBucketOffset(s) * SectorLayout.CHUNK_SIZE,
        chunks,
        0,
        chunks.length);
    for (int i = 0; i < size; i++) {
      long distance =
          SolutionDistance.of(globalChallenge, slotChallenge, chunks, i * SectorLayout.CHUNK_SIZE);
      if (SolutionDistance.isWithin(distance, solutionRange)) {
        candidates.add(new AuditCandidate(s, i, distance));
      }
    }
    candidates.sort((a, b) -> Long.compareUnsigned(a.distance(), b.distance()));
    return candidates;
  }
}
