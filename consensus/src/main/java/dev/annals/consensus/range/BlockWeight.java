package dev.annals.consensus.range;

import java.math.BigInteger;

/**
 * Fork-choice weight, u128 as in Abundance: one block weighs {@code u64::MAX − solution range}, a
 * chain the sum over its blocks. Held as two unsigned 64-bit halves; addition fails rather than
 * wrapping (2^64 blocks of maximal weight would be needed).
 */
public record BlockWeight(long high, long low) implements Comparable<BlockWeight> {
  public static final BlockWeight ZERO = new BlockWeight(0, 0);

  public static BlockWeight of(long unsignedValue) {
    return new BlockWeight(0, unsignedValue);
  }

  public BlockWeight plus(BlockWeight other) {
    long lo = low + other.low;
    long carry = Long.compareUnsigned(lo, low) < 0 ? 1 : 0;
    long hi = high + other.high;
    boolean overflow = Long.compareUnsigned(hi, high) < 0;
    long withCarry = hi + carry;
    overflow |= carry == 1 && withCarry == 0;
    if (overflow) {
      throw new ArithmeticException("block weight: u128 overflow adding " + other + " to " + this);
    }
    return new BlockWeight(withCarry, lo);
  }

  public BigInteger toBigInteger() {
    return new BigInteger(Long.toUnsignedString(high))
        .shiftLeft(64)
        .or(new BigInteger(Long.toUnsignedString(low)));
  }

  @Override
  public int compareTo(BlockWeight other) {
    int c = Long.compareUnsigned(high, other.high);
    return c != 0 ? c : Long.compareUnsigned(low, other.low);
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
