package dev.annals.primitives.params;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.U64;
import dev.annals.primitives.codec.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Every size and constant of the protocol, from a few base values. Sizes that follow from others
 * (record, segment, proofs, piece, solution) are methods, so no size is written down twice. See
 * docs/PROTOCOL.md for the two presets and why the dev values are what they are.
 *
 * @param name preset name ({@code production}, {@code dev})
 * @param recordChunksLog2 a record holds 2^this 32-byte chunks
 * @param sourceRecordsPerSegment records of history per segment (a power of two)
 * @param segmentProofHashes hashes in a segment proof (a super segment holds < 2^this segments)
 * @param shardCommitmentLeavesLog2 a farmer commits to 2^this shard commitment leaves
 * @param posK proof-of-space K (x-values of K bits, 64 per proof)
 * @param potCheckpoints proof-of-time checkpoints per slot
 * @param slotIterations proof-of-time AES iterations per slot at genesis (multiple of 16)
 * @param slotDurationMillis target slot duration
 * @param slotProbabilityNumerator slot probability a/b: numerator a
 * @param slotProbabilityDenominator slot probability a/b: denominator b
 * @param blockAuthoringDelaySlots slots between a proof-of-time output and blocks that use it
 * @param blockConfirmationDepth blocks on top before a block is archived
 * @param shardConfirmationDepth beacon blocks on top before shard segment roots are confirmed
 * @param retargetInterval blocks between solution range adjustments
 * @param entropyInjectionInterval blocks between proof-of-time entropy injections
 * @param entropyInjectionLookbackDepth injection intervals looked back for the entropy source
 * @param entropyInjectionDelaySlots slots after which injected entropy takes effect
 * @param shardRotationInterval beacon blocks between shard membership rotations
 * @param shardRotationDelay beacon blocks the rotation entropy lags behind
 * @param maxPiecesInSector pieces per sector
 * @param recentSegments segments counted as "recent history" for piece selection
 * @param recentHistoryFractionNumerator fraction of a sector drawn from recent history: numerator
 * @param recentHistoryFractionDenominator that fraction's denominator
 * @param minSectorLifetime segments a sector lives at least
 * @param maxTimestampDriftMillis how far a block timestamp may run ahead of local time
 * @param numShards shard counts at genesis
 */
public record ProtocolParameters(
    String name,
    int recordChunksLog2,
    int sourceRecordsPerSegment,
    int segmentProofHashes,
    int shardCommitmentLeavesLog2,
    int posK,
    int potCheckpoints,
    long slotIterations,
    long slotDurationMillis,
    long slotProbabilityNumerator,
    long slotProbabilityDenominator,
    long blockAuthoringDelaySlots,
    long blockConfirmationDepth,
    long shardConfirmationDepth,
    long retargetInterval,
    long entropyInjectionInterval,
    long entropyInjectionLookbackDepth,
    long entropyInjectionDelaySlots,
    long shardRotationInterval,
    long shardRotationDelay,
    int maxPiecesInSector,
    long recentSegments,
    long recentHistoryFractionNumerator,
    long recentHistoryFractionDenominator,
    long minSectorLifetime,
    long maxTimestampDriftMillis,
    NumShards numShards) {

  /** A builder that starts from these values. */
  public ProtocolParametersBuilder toBuilder() {
    return new ProtocolParametersBuilder(this);
  }

  /** Bytes per chunk, the unit of records, s-buckets and proofs of space. */
  public static final int CHUNK_SIZE = 32;

  /** Abundance's constants (crates/shared/ab-core-primitives and ab-node's chain spec). */
  public static final ProtocolParameters PRODUCTION =
      new ProtocolParameters(
          "production",
          15,
          128,
          20,
          20,
          20,
          8,
          206_557_520,
          1000,
          1,
          10,
          4,
          100,
          72,
          180,
          50,
          2,
          15,
          36,
          18,
          1000,
          5,
          1,
          10,
          4,
          30_000,
          new NumShards(1, 1));

  /** Small enough that a devnet archives a segment in every shard within seconds. */
  public static final ProtocolParameters DEV =
      new ProtocolParameters(
          "dev",
          7,
          8,
          20,
          10,
          12,
          8,
          1024,
          250,
          1,
          2,
          2,
          4,
          3,
          20,
          10,
          2,
          4,
          2,
          1,
          16,
          2,
          1,
          4,
          2,
          30_000,
          new NumShards(2, 2));

  public static final List<ProtocolParameters> PRESETS = List.of(PRODUCTION, DEV);

  public ProtocolParameters {
    require(name != null && !name.isBlank(), "name", name, "must be non-empty");
    require(
        recordChunksLog2 >= 1 && recordChunksLog2 <= 15,
        "record_chunks_log2",
        recordChunksLog2,
        "must be in 1..=15");
    require(
        sourceRecordsPerSegment >= 1
            && sourceRecordsPerSegment <= 128
            && Integer.bitCount(sourceRecordsPerSegment) == 1,
        "source_records_per_segment",
        sourceRecordsPerSegment,
        "must be a power of two in 1..=128 (pieces per segment must fit a byte position)");
    require(
        segmentProofHashes >= 1 && segmentProofHashes <= 32,
        "segment_proof_hashes",
        segmentProofHashes,
        "must be in 1..=32");
    require(
        shardCommitmentLeavesLog2 >= 1 && shardCommitmentLeavesLog2 <= 32,
        "shard_commitment_leaves_log2",
        shardCommitmentLeavesLog2,
        "must be in 1..=32");
    require(posK >= 8 && posK <= 32, "pos_k", posK, "must be in 8..=32");
    require(
        potCheckpoints >= 1 && potCheckpoints <= 255,
        "pot_checkpoints",
        potCheckpoints,
        "must be in 1..=255");
    require(
        slotIterations > 0 && slotIterations <= 0xFFFF_FFFFL && slotIterations % 16 == 0,
        "slot_iterations",
        slotIterations,
        "must be a non-zero u32 multiple of 16");
    require(slotDurationMillis > 0, "slot_duration_millis", slotDurationMillis, "must be positive");
    require(
        slotProbabilityNumerator > 0 && slotProbabilityNumerator <= slotProbabilityDenominator,
        "slot_probability",
        slotProbabilityNumerator + "/" + slotProbabilityDenominator,
        "must be a fraction in (0, 1]");
    require(
        blockAuthoringDelaySlots > 0,
        "block_authoring_delay",
        blockAuthoringDelaySlots,
        "must be positive");
    require(
        blockConfirmationDepth > 0,
        "block_confirmation_depth",
        blockConfirmationDepth,
        "must be positive");
    require(
        shardConfirmationDepth > 0,
        "shard_confirmation_depth",
        shardConfirmationDepth,
        "must be positive");
    require(retargetInterval > 0, "retarget_interval", retargetInterval, "must be positive");
    require(
        entropyInjectionInterval > 0,
        "entropy_injection_interval",
        entropyInjectionInterval,
        "must be positive");
    require(
        entropyInjectionLookbackDepth > 0,
        "entropy_injection_lookback_depth",
        entropyInjectionLookbackDepth,
        "must be positive");
    require(
        entropyInjectionDelaySlots > 0,
        "entropy_injection_delay",
        entropyInjectionDelaySlots,
        "must be positive");
    require(
        shardRotationInterval > 0,
        "shard_rotation_interval",
        shardRotationInterval,
        "must be positive");
    require(
        shardRotationDelay >= 0,
        "shard_rotation_delay",
        shardRotationDelay,
        "must not be negative");
    // Abundance's chain spec asserts this: two sets of farmers must produce shard blocks before
    // their roots are confirmed.
    require(
        shardConfirmationDepth > shardRotationInterval,
        "shard_confirmation_depth",
        shardConfirmationDepth,
        "must exceed shard_rotation_interval " + shardRotationInterval);
    require(
        maxPiecesInSector >= 1 && maxPiecesInSector <= 0xFFFF,
        "max_pieces_in_sector",
        maxPiecesInSector,
        "must be in 1..=65535");
    require(recentSegments > 0, "recent_segments", recentSegments, "must be positive");
    require(
        recentHistoryFractionNumerator > 0
            && recentHistoryFractionNumerator <= recentHistoryFractionDenominator,
        "recent_history_fraction",
        recentHistoryFractionNumerator + "/" + recentHistoryFractionDenominator,
        "must be a fraction in (0, 1]");
    require(minSectorLifetime > 0, "min_sector_lifetime", minSectorLifetime, "must be positive");
    require(
        maxTimestampDriftMillis > 0,
        "max_timestamp_drift_millis",
        maxTimestampDriftMillis,
        "must be positive");
    require(numShards != null, "num_shards", numShards, "must be set");
  }

  private static void require(boolean ok, String field, Object value, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(field + ": " + problem + " (value " + value + ")");
    }
  }

  /** The preset called {@code name} ({@code production} or {@code dev}). */
  public static ProtocolParameters byName(String name) {
    for (ProtocolParameters p : PRESETS) {
      if (p.name.equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "preset: unknown, expected production or dev (value '" + name + "')");
  }

  public int recordChunks() {
    return 1 << recordChunksLog2;
  }

  public int recordSize() {
    return recordChunks() * CHUNK_SIZE;
  }

  /** Chunks of a record after erasure extension (rate 1/2). */
  public int sBuckets() {
    return 2 * recordChunks();
  }

  public int piecesPerSegment() {
    return 2 * sourceRecordsPerSegment;
  }

  public int recordProofHashes() {
    return Integer.numberOfTrailingZeros(piecesPerSegment());
  }

  public int chunkProofHashes() {
    return Integer.numberOfTrailingZeros(sBuckets());
  }

  public int recordProofSize() {
    return recordProofHashes() * Hash.SIZE;
  }

  public int chunkProofSize() {
    return chunkProofHashes() * Hash.SIZE;
  }

  public int segmentProofSize() {
    return segmentProofHashes * Hash.SIZE;
  }

  public int shardCommitmentProofHashes() {
    return shardCommitmentLeavesLog2;
  }

  /** Bytes of history in a segment. */
  public long segmentSize() {
    return (long) recordSize() * sourceRecordsPerSegment;
  }

  /**
   * shard u32, local index u64, super segment index u64, segment position u32, segment root,
   * segment proof, parity chunks root, record proof.
   */
  public int pieceHeaderSize() {
    return 4 + 8 + 8 + 4 + Hash.SIZE + segmentProofSize() + Hash.SIZE + recordProofSize();
  }

  public int pieceSize() {
    return pieceHeaderSize() + recordSize();
  }

  /** 64 x-values of K bits. */
  public int posProofSize() {
    return 64 * posK / 8;
  }

  public int shardCommitmentSize() {
    return Hash.SIZE * (2 + shardCommitmentProofHashes());
  }

  /** See {@code Solution} for the field order. */
  public int solutionSize() {
    return Hash.SIZE // public key hash
        + shardCommitmentSize()
        + 8 // piece local segment index
        + 8 // piece super segment index
        + Hash.SIZE // segment root
        + segmentProofSize()
        + Hash.SIZE // record root
        + recordProofSize()
        + CHUNK_SIZE
        + chunkProofSize()
        + posProofSize()
        + 8 // history size
        + 2 // sector index
        + 2 // piece offset
        + 4 // segment position
        + 4 // piece shard index
        + 4; // padding
  }

  /** Slot u64, proof of time, future proof of time, solution. */
  public int consensusInfoSize() {
    return 8 + 16 + 16 + solutionSize();
  }

  /** Throws unless {@code position} lies inside a segment of this preset. */
  public PiecePosition checkPiecePosition(PiecePosition position) {
    if (position.value() >= piecesPerSegment()) {
      throw new IllegalArgumentException(
          "piece_position: must be below "
              + piecesPerSegment()
              + " pieces per segment of preset "
              + name
              + " (value "
              + position.value()
              + ")");
    }
    return position;
  }

  /** {@code global segment index × pieces per segment + position}, failing on u64 overflow. */
  public PieceIndex pieceIndex(GlobalSegmentIndex segment, PiecePosition position) {
    checkPiecePosition(position);
    long perSegment = piecesPerSegment();
    long high = Math.unsignedMultiplyHigh(segment.value(), perSegment);
    long low = segment.value() * perSegment;
    long sum = low + position.value();
    if (high != 0 || Long.compareUnsigned(sum, low) < 0) {
      throw new IllegalArgumentException(
          "piece_index: overflows u64 for global_segment_index (value "
              + U64.toString(segment.value())
              + ")");
    }
    return new PieceIndex(sum);
  }

  /**
   * The canonical encoding: a domain tag, the name (u8 length, UTF-8), then every base value as u64
   * in component order, the shard counts last as two u16.
   */
  public byte[] canonicalEncoding() {
    byte[] tag = "annals-protocol-parameters-v1".getBytes(StandardCharsets.US_ASCII);
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteWriter w = new ByteWriter(tag.length + 1 + nameBytes.length + 26 * 8 + 4);
    w.bytes(tag).u8(nameBytes.length).bytes(nameBytes);
    long[] values = {
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
      maxTimestampDriftMillis
    };
    for (long v : values) {
      w.u64(v);
    }
    w.u16(numShards.intermediateShards()).u16(numShards.leafShardsPerIntermediate());
    return w.toByteArray();
  }

  /** BLAKE3 of the canonical encoding: nodes refuse data made under another preset. */
  public Hash digest() {
    return Hash.blake3(canonicalEncoding());
  }
}
