package dev.annals.consensus.shard;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * When shard membership rotates. The entropy that assigns farmers while beacon block {@code N} is
 * current comes from beacon block {@code floor((N − delay) / interval) × interval} (the subtraction
 * saturating at 0), so every farmer moves at once, {@code delay} blocks after a multiple of the
 * interval, and knows its next shard {@code delay} blocks ahead.
 */
public final class ShardRotation {
  private ShardRotation() {}

  /** The beacon block whose proof-of-time output is the membership entropy at {@code block}. */
  public static BlockNumber entropySourceBlock(BlockNumber block, ProtocolParameters params) {
    long interval = params.shardRotationInterval();
    long delay = params.shardRotationDelay();
    long n = block.value();
    long delayed = Long.compareUnsigned(n, delay) <= 0 ? 0 : n - delay;
    return new BlockNumber(Long.divideUnsigned(delayed, interval) * interval);
  }

  /** Whether {@code a} and {@code b} share the same membership entropy (the same rotation). */
  public static boolean sameRotation(BlockNumber a, BlockNumber b, ProtocolParameters params) {
    return entropySourceBlock(a, params).equals(entropySourceBlock(b, params));
  }
}
