package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The beacon chain's consensus parameters in its header: solution range u64, slot iterations u32
 * (non-zero), number of shards (u16 intermediate, u16 leaves per intermediate), flags u8 (bit 0
 * super segment root, bit 1 next solution range, bit 2 proof-of-time change; other bits must be
 * zero), then the present optional fields in that order.
 *
 * <p>Its hash, as in Abundance, is BLAKE3 of the fixed fields and the present optional fields
 * without the flags byte (the eight combinations have distinct lengths, so this is unambiguous).
 */
public record ConsensusParameters(
    long solutionRange,
    long slotIterations,
    NumShards numShards,
    Optional<Hash> superSegmentRoot,
    OptionalLong nextSolutionRange,
    Optional<PotParametersChange> potParametersChange) {
  public static final int FLAG_SUPER_SEGMENT_ROOT = 1;
  public static final int FLAG_NEXT_SOLUTION_RANGE = 2;
  public static final int FLAG_POT_PARAMETERS_CHANGE = 4;
  public static final int FLAGS_ALL = 7;
  public static final int FIXED_SIZE = 8 + 4 + 4;

  public ConsensusParameters {
    if (numShards == null
        || superSegmentRoot == null
        || nextSolutionRange == null
        || potParametersChange == null) {
      throw new IllegalArgumentException(
          "consensus_parameters: every field must be set (value null)");
    }
    if (slotIterations <= 0 || slotIterations > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "consensus_parameters.slot_iterations: must be a non-zero u32 (value "
              + slotIterations
              + ")");
    }
  }

  public int flags() {
    return (superSegmentRoot.isPresent() ? FLAG_SUPER_SEGMENT_ROOT : 0)
        | (nextSolutionRange.isPresent() ? FLAG_NEXT_SOLUTION_RANGE : 0)
        | (potParametersChange.isPresent() ? FLAG_POT_PARAMETERS_CHANGE : 0);
  }

  public int encodedSize() {
    return FIXED_SIZE
        + 1
        + (superSegmentRoot.isPresent() ? Hash.SIZE : 0)
        + (nextSolutionRange.isPresent() ? 8 : 0)
        + (potParametersChange.isPresent() ? PotParametersChange.SIZE : 0);
  }

  private void writeFixed(ByteWriter w) {
    w.u64(solutionRange)
        .u32(slotIterations)
        .u16(numShards.intermediateShards())
        .u16(numShards.leafShardsPerIntermediate());
  }

  private void writeOptional(ByteWriter w) {
    superSegmentRoot.ifPresent(w::hash);
    nextSolutionRange.ifPresent(w::u64);
    potParametersChange.ifPresent(change -> change.encodeTo(w));
  }

  void encodeTo(ByteWriter w) {
    writeFixed(w);
    w.u8(flags());
    writeOptional(w);
  }

  static ConsensusParameters decodeFrom(ByteReader r) {
    long solutionRange = r.u64("solution_range");
    long iterations = r.u32("slot_iterations");
    int intermediate = r.u16("num_shards.intermediate_shards");
    int leaves = r.u16("num_shards.leaf_shards_per_intermediate_shard");
    int flags = r.u8("flags");
    if (iterations == 0) {
      throw new DecodeException(r.field("slot_iterations"), "0", "must be non-zero");
    }
    NumShards numShards;
    try {
      numShards = new NumShards(intermediate, leaves);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(r.field("num_shards"), intermediate + "/" + leaves, e.getMessage());
    }
    if ((flags & ~FLAGS_ALL) != 0) {
      throw new DecodeException(
          r.field("flags"),
          String.format("0x%02x", flags),
          "unknown flag bits 0x" + Integer.toHexString(flags & ~FLAGS_ALL));
    }
    Optional<Hash> superSegmentRoot =
        (flags & FLAG_SUPER_SEGMENT_ROOT) != 0
            ? Optional.of(r.hash("super_segment_root"))
            : Optional.empty();
    OptionalLong next =
        (flags & FLAG_NEXT_SOLUTION_RANGE) != 0
            ? OptionalLong.of(r.u64("next_solution_range"))
            : OptionalLong.empty();
    Optional<PotParametersChange> change = Optional.empty();
    if ((flags & FLAG_POT_PARAMETERS_CHANGE) != 0) {
      String outer = r.scope(r.field("pot_parameters_change."));
      change = Optional.of(PotParametersChange.decodeFrom(r));
      r.scope(outer);
    }
    return new ConsensusParameters(
        solutionRange, iterations, numShards, superSegmentRoot, next, change);
  }

  public Hash hash() {
    ByteWriter w = new ByteWriter(encodedSize());
    writeFixed(w);
    writeOptional(w);
    return Hash.blake3(w.toByteArray());
  }
}
