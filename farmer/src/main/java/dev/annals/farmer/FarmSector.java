package dev.annals.farmer;

import dev.annals.consensus.sector.SectorData;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorMetadata;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import java.util.Optional;

/**
 * A sector a farm holds: its bytes and metadata, its id and the commitments root that id binds, and
 * (once the check point has landed) the history size at which it expires.
 *
 * @param expiration empty while unknown (check point not yet in a super segment) or never (u64
 *     overflow)
 * @param provable which chunks can win, or null when the farm does not build that map (then every
 *     candidate goes to the prover)
 */
public record FarmSector(
    SectorId sectorId,
    Hash commitmentsRoot,
    SectorMetadata metadata,
    SectorData data,
    Optional<HistorySize> expiration,
    ProvableChunks provable) {

  public SectorIndex index() {
    return metadata.sectorIndex();
  }

  public HistorySize historySize() {
    return metadata.historySize();
  }

  FarmSector withExpiration(HistorySize expiresAt) {
    return new FarmSector(
        sectorId, commitmentsRoot, metadata, data, Optional.of(expiresAt), provable);
  }
}
