package dev.annals.primitives;

/**
 * A shard index, u32 below 2^20: 0 is the beacon chain, 1..=1023 intermediate shards, and a leaf
 * shard is {@code (leaf << 10) | parent} with parent an intermediate shard and leaf its number from
 * 1 under that parent (Annals numbers leaves from 1; Abundance's iterator starts at 0 and so yields
 * the parent's own index).
 */
public record ShardIndex(int value) implements Comparable<ShardIndex> {
  public static final int INTERMEDIATE_BITS = 10;
  public static final int MAX_INTERMEDIATE = (1 << INTERMEDIATE_BITS) - 1;
  public static final int MAX_LEAF_NUMBER = (1 << INTERMEDIATE_BITS) - 1;
  public static final int MAX_SHARDS = 1 << 20;
  public static final ShardIndex BEACON = new ShardIndex(0);

  public ShardIndex {
    if (value < 0 || value >= MAX_SHARDS) {
      throw new IllegalArgumentException(
          "shard_index: must be below 2^20 (value " + Integer.toUnsignedString(value) + ")");
    }
  }

  public static ShardIndex intermediate(int number) {
    if (number < 1 || number > MAX_INTERMEDIATE) {
      throw new IllegalArgumentException(
          "intermediate shard: must be in 1..=1023 (value " + number + ")");
    }
    return new ShardIndex(number);
  }

  /** The leaf numbered {@code leaf} (1..=1023) under intermediate shard {@code parent}. */
  public static ShardIndex leaf(ShardIndex parent, int leaf) {
    if (parent.kind() != ShardKind.INTERMEDIATE) {
      throw new IllegalArgumentException(
          "leaf shard parent: must be an intermediate shard (value " + parent.value + ")");
    }
    if (leaf < 1 || leaf > MAX_LEAF_NUMBER) {
      throw new IllegalArgumentException(
          "leaf shard number: must be in 1..=1023 (value " + leaf + ")");
    }
    return new ShardIndex(leaf << INTERMEDIATE_BITS | parent.value);
  }

  public ShardKind kind() {
    if (value == 0) {
      return ShardKind.BEACON;
    }
    if (value <= MAX_INTERMEDIATE) {
      return ShardKind.INTERMEDIATE;
    }
    return (value & MAX_INTERMEDIATE) == 0 ? ShardKind.PHANTOM : ShardKind.LEAF;
  }

  /** The parent shard: the beacon chain for an intermediate shard, the intermediate for a leaf. */
  public ShardIndex parent() {
    return switch (kind()) {
      case INTERMEDIATE -> BEACON;
      case LEAF -> new ShardIndex(value & MAX_INTERMEDIATE);
      case BEACON, PHANTOM ->
          throw new IllegalStateException("shard " + value + " (" + kind() + ") has no parent");
    };
  }

  /** A leaf's number under its parent (1..=1023). */
  public int leafNumber() {
    if (kind() != ShardKind.LEAF) {
      throw new IllegalStateException("shard " + value + " is not a leaf shard");
    }
    return value >>> INTERMEDIATE_BITS;
  }

  @Override
  public int compareTo(ShardIndex o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
