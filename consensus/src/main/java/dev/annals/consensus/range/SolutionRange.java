package dev.annals.consensus.range;

import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.U64;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * A solution range (u64, unsigned in the {@code long}): an audited chunk wins when its distance to
 * the global challenge is at most {@code range / 2}. The beacon chain carries the global range; a
 * leaf or intermediate shard widens it because only a fraction of the farmers can win there.
 */
public record SolutionRange(long value) implements Comparable<SolutionRange> {
  public static final SolutionRange MAX = new SolutionRange(-1L);

  /**
   * The range at which {@code pieces} pieces of plotted history yield one block per {@code 1 / slot
   * probability} slots: {@code u64::MAX / b × a / record chunks × s-buckets / pieces}, every step
   * in u64 with truncating division, in this order (the order changes the result).
   */
  public static SolutionRange fromPieces(long pieces, ProtocolParameters params) {
    if (pieces == 0) {
      throw new IllegalArgumentException("pieces: must be positive (value 0)");
    }
    return new SolutionRange(Long.divideUnsigned(perPieceNumerator(params), pieces));
  }

  /** The inverse of {@link #fromPieces}: how many pieces this range is calibrated for. */
  public long toPieces(ProtocolParameters params) {
    if (value == 0) {
      throw new IllegalStateException("solution range 0 corresponds to no finite piece count");
    }
    return Long.divideUnsigned(perPieceNumerator(params), value);
  }

  private static long perPieceNumerator(ProtocolParameters params) {
    long x = Long.divideUnsigned(-1L, params.slotProbabilityDenominator());
    // x ≤ 2^64 / b and a ≤ b, so x × a cannot wrap.
    x *= params.slotProbabilityNumerator();
    x = Long.divideUnsigned(x, params.recordChunks());
    // s-buckets = 2 × chunks, so this cannot wrap after the division above.
    return x * params.sBuckets();
  }

  /**
   * The range after a retarget interval: {@code current × slots in interval × a / interval / b} in
   * 128-bit arithmetic (saturating to u64::MAX when the quotient does not fit), then clamped to
   * {@code [current / 4, current × 4]} (the upper bound saturating).
   *
   * @param slotsInLastInterval slots between the first and the last block of the interval
   */
  public SolutionRange next(long slotsInLastInterval, ProtocolParameters params) {
    long interval = params.retargetInterval();
    long a = params.slotProbabilityNumerator();
    long b = params.slotProbabilityDenominator();
    // current × slots fits 128 bits; × a (< 2^64) could exceed 128 bits only if a product
    // saturates, which Abundance caps at u128::MAX before dividing.
    long[] product = U128.multiply(value, slotsInLastInterval);
    product = U128.multiplySaturating(product, a);
    product = U128.divide(U128.divide(product, interval), b);
    long next = product[0] != 0 ? -1L : product[1];
    long lower = Long.divideUnsigned(value, 4);
    long upper = Math.unsignedMultiplyHigh(value, 4) != 0 ? -1L : value * 4;
    if (Long.compareUnsigned(next, lower) < 0) {
      next = lower;
    } else if (Long.compareUnsigned(next, upper) > 0) {
      next = upper;
    }
    return new SolutionRange(next);
  }

  /** The range a block on a shard of {@code kind} is judged by, from the global (beacon) range. */
  public SolutionRange forShardKind(ShardKind kind, NumShards numShards) {
    return switch (kind) {
      case BEACON -> this;
      case INTERMEDIATE -> toIntermediateShard(numShards);
      case LEAF -> toLeafShard(numShards);
      case PHANTOM ->
          throw new IllegalArgumentException("shard kind: phantom shards have no blocks");
    };
  }

  /** The range on a leaf shard: × the total number of leaf shards, saturating. */
  public SolutionRange toLeafShard(NumShards numShards) {
    return saturatingTimes(numShards.leafShards());
  }

  /** The range on an intermediate shard: × the number of intermediate shards, saturating. */
  public SolutionRange toIntermediateShard(NumShards numShards) {
    return saturatingTimes(numShards.intermediateShards());
  }

  private SolutionRange saturatingTimes(long factor) {
    if (Math.unsignedMultiplyHigh(value, factor) != 0) {
      return MAX;
    }
    return new SolutionRange(value * factor);
  }

  /** Whether a solution distance (u64) is within this range: {@code distance ≤ range / 2}. */
  public boolean contains(long solutionDistance) {
    return Long.compareUnsigned(solutionDistance, value >>> 1) <= 0;
  }

  /** This block's fork-choice weight, {@code u64::MAX − range}: narrower ranges weigh more. */
  public BlockWeight blockWeight() {
    return BlockWeight.of(-1L - value);
  }

  @Override
  public int compareTo(SolutionRange other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return U64.toString(value);
  }
}
