package dev.annals.primitives.params;

import dev.annals.primitives.NumShards;

/**
 * A copy of a preset with some values changed: chain specs set their shard counts and slot
 * iterations, tests shrink trees. {@link #build} runs every check of {@link ProtocolParameters}.
 */
public final class ProtocolParametersBuilder {
  private String name;
  private int recordChunksLog2;
  private int sourceRecordsPerSegment;
  private int segmentProofHashes;
  private int shardCommitmentLeavesLog2;
  private int posK;
  private int potCheckpoints;
  private long slotIterations;
  private long slotDurationMillis;
  private long slotProbabilityNumerator;
  private long slotProbabilityDenominator;
  private long blockAuthoringDelaySlots;
  private long blockConfirmationDepth;
  private long shardConfirmationDepth;
  private long retargetInterval;
  private long entropyInjectionInterval;
  private long entropyInjectionLookbackDepth;
  private long entropyInjectionDelaySlots;
  private long shardRotationInterval;
  private long shardRotationDelay;
  private int maxPiecesInSector;
  private long recentSegments;
  private long recentHistoryFractionNumerator;
  private long recentHistoryFractionDenominator;
  private long minSectorLifetime;
  private long maxTimestampDriftMillis;
  private NumShards numShards;

  ProtocolParametersBuilder(ProtocolParameters base) {
    this.name = base.name();
    this.recordChunksLog2 = base.recordChunksLog2();
    this.sourceRecordsPerSegment = base.sourceRecordsPerSegment();
    this.segmentProofHashes = base.segmentProofHashes();
    this.shardCommitmentLeavesLog2 = base.shardCommitmentLeavesLog2();
    this.posK = base.posK();
    this.potCheckpoints = base.potCheckpoints();
    this.slotIterations = base.slotIterations();
    this.slotDurationMillis = base.slotDurationMillis();
    this.slotProbabilityNumerator = base.slotProbabilityNumerator();
    this.slotProbabilityDenominator = base.slotProbabilityDenominator();
    this.blockAuthoringDelaySlots = base.blockAuthoringDelaySlots();
    this.blockConfirmationDepth = base.blockConfirmationDepth();
    this.shardConfirmationDepth = base.shardConfirmationDepth();
    this.retargetInterval = base.retargetInterval();
    this.entropyInjectionInterval = base.entropyInjectionInterval();
    this.entropyInjectionLookbackDepth = base.entropyInjectionLookbackDepth();
    this.entropyInjectionDelaySlots = base.entropyInjectionDelaySlots();
    this.shardRotationInterval = base.shardRotationInterval();
    this.shardRotationDelay = base.shardRotationDelay();
    this.maxPiecesInSector = base.maxPiecesInSector();
    this.recentSegments = base.recentSegments();
    this.recentHistoryFractionNumerator = base.recentHistoryFractionNumerator();
    this.recentHistoryFractionDenominator = base.recentHistoryFractionDenominator();
    this.minSectorLifetime = base.minSectorLifetime();
    this.maxTimestampDriftMillis = base.maxTimestampDriftMillis();
    this.numShards = base.numShards();
  }

  public ProtocolParametersBuilder name(String value) {
    this.name = value;
    return this;
  }

  public ProtocolParametersBuilder recordChunksLog2(int value) {
    this.recordChunksLog2 = value;
    return this;
  }

  public ProtocolParametersBuilder sourceRecordsPerSegment(int value) {
    this.sourceRecordsPerSegment = value;
    return this;
  }

  public ProtocolParametersBuilder segmentProofHashes(int value) {
    this.segmentProofHashes = value;
    return this;
  }

  public ProtocolParametersBuilder shardCommitmentLeavesLog2(int value) {
    this.shardCommitmentLeavesLog2 = value;
    return this;
  }

  public ProtocolParametersBuilder posK(int value) {
    this.posK = value;
    return this;
  }

  public ProtocolParametersBuilder potCheckpoints(int value) {
    this.potCheckpoints = value;
    return this;
  }

  public ProtocolParametersBuilder slotIterations(long value) {
    this.slotIterations = value;
    return this;
  }

  public ProtocolParametersBuilder slotDurationMillis(long value) {
    this.slotDurationMillis = value;
    return this;
  }

  public ProtocolParametersBuilder slotProbabilityNumerator(long value) {
    this.slotProbabilityNumerator = value;
    return this;
  }

  public ProtocolParametersBuilder slotProbabilityDenominator(long value) {
    this.slotProbabilityDenominator = value;
    return this;
  }

  public ProtocolParametersBuilder blockAuthoringDelaySlots(long value) {
    this.blockAuthoringDelaySlots = value;
    return this;
  }

  public ProtocolParametersBuilder blockConfirmationDepth(long value) {
    this.blockConfirmationDepth = value;
    return this;
  }

  public ProtocolParametersBuilder shardConfirmationDepth(long value) {
    this.shardConfirmationDepth = value;
    return this;
  }

  public ProtocolParametersBuilder retargetInterval(long value) {
    this.retargetInterval = value;
    return this;
  }

  public ProtocolParametersBuilder entropyInjectionInterval(long value) {
    this.entropyInjectionInterval = value;
    return this;
  }

  public ProtocolParametersBuilder entropyInjectionLookbackDepth(long value) {
    this.entropyInjectionLookbackDepth = value;
    return this;
  }

  public ProtocolParametersBuilder entropyInjectionDelaySlots(long value) {
    this.entropyInjectionDelaySlots = value;
    return this;
  }

  public ProtocolParametersBuilder shardRotationInterval(long value) {
    this.shardRotationInterval = value;
    return this;
  }

  public ProtocolParametersBuilder shardRotationDelay(long value) {
    this.shardRotationDelay = value;
    return this;
  }

  public ProtocolParametersBuilder maxPiecesInSector(int value) {
    this.maxPiecesInSector = value;
    return this;
  }

  public ProtocolParametersBuilder recentSegments(long value) {
    this.recentSegments = value;
    return this;
  }

  public ProtocolParametersBuilder recentHistoryFractionNumerator(long value) {
    this.recentHistoryFractionNumerator = value;
    return this;
  }

  public ProtocolParametersBuilder recentHistoryFractionDenominator(long value) {
    this.recentHistoryFractionDenominator = value;
    return this;
  }

  public ProtocolParametersBuilder minSectorLifetime(long value) {
    this.minSectorLifetime = value;
    return this;
  }

  public ProtocolParametersBuilder maxTimestampDriftMillis(long value) {
    this.maxTimestampDriftMillis = value;
    return this;
  }

  public ProtocolParametersBuilder numShards(NumShards value) {
    this.numShards = value;
    return this;
  }

  public ProtocolParameters build() {
    return new ProtocolParameters(
        name,
        recordChunksLog2,
        sourceRecordsPerSegment,
        segmentProofHashes,
        shardCommitmentLeavesLog2,
        posK,
        potCheckpoints,
        slotIterations,
        slotDurationMillis,
        slotProbabilityNumerator,
        slotProbabilityDenominator,
        blockAuthoringDelaySlots,
        blockConfirmationDepth,
        shardConfirmationDepth,
        retargetInterval,
        entropyInjectionInterval,
        entropyInjectionLookbackDepth,
        entropyInjectionDelaySlots,
        shardRotationInterval,
        shardRotationDelay,
        maxPiecesInSector,
        recentSegments,
        recentHistoryFractionNumerator,
        recentHistoryFractionDenominator,
        minSectorLifetime,
        maxTimestampDriftMillis,
        numShards);
  }
}
