package dev.annals.primitives;

/**
 * What a shard index denotes. {@code PHANTOM} is Abundance's name for an index above the
 * intermediate range whose low 10 bits are zero: it has no parent and no blocks.
 */
public enum ShardKind {
  BEACON,
  INTERMEDIATE,
  LEAF,
  PHANTOM;

  /** True for the kinds that produce blocks. */
  public boolean isReal() {
    return this != PHANTOM;
  }
}
