package dev.annals.consensus.shard;

import dev.annals.primitives.params.ProtocolParameters;

/** Presets with a different commitment tree size, so tests can build many small trees. */
final class TestParams {
  private TestParams() {}

  static ProtocolParameters withLeavesLog2(ProtocolParameters p, int leavesLog2) {
    return new ProtocolParameters(
        p.name(),
        p.recordChunksLog2(),
        p.sourceRecordsPerSegment(),
        p.segmentProofHashes(),
        leavesLog2,
        p.posK(),
        p.potCheckpoints(),
        p.slotIterations(),
        p.slotDurationMillis(),
        p.slotProbabilityNumerator(),
        p.slotProbabilityDenominator(),
        p.blockAuthoringDelaySlots(),
        p.blockConfirmationDepth(),
        p.shardConfirmationDepth(),
        p.retargetInterval(),
        p.entropyInjectionInterval(),
        p.entropyInjectionLookbackDepth(),
        p.entropyInjectionDelaySlots(),
        p.shardRotationInterval(),
        p.shardRotationDelay(),
        p.maxPiecesInSector(),
        p.recentSegments(),
        p.recentHistoryFractionNumerator(),
        p.recentHistoryFractionDenominator(),
        p.minSectorLifetime(),
        p.maxTimestampDriftMillis(),
        p.numShards());
  }
}
