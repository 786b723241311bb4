package dev.annals.primitives;

/**
 * A block's height in its shard (u64, genesis 0). Every u64 is valid; the {@code long} holds it in
 * two's complement, so order and printing are unsigned.
 */
public record BlockNumber(long value) implements Comparable<BlockNumber> {
  public static final BlockNumber ZERO = new BlockNumber(0);

  public static BlockNumber parse(String text) {
    return new BlockNumber(U64.parse("block_number", text));
  }

  /** The next value; fails at 2^64 − 1 rather than wrapping. */
  public BlockNumber next() {
    return new BlockNumber(U64.increment("block_number", value));
  }

  @Override
  public int compareTo(BlockNumber other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return U64.toString(value);
  }
}
