package dev.annals.kernel.erasure;

/**
 * Chooses how many elements of each shard one pass processes. All butterflies are column-wise, so
 * the coder walks the shards in strips of columns and runs every transform layer on one strip while
 * it is in cache, instead of streaming the whole (possibly 128 MiB) work area once per layer.
 */
final class Strips {
  /** Elements per strip over all rows: 2^17 elements = 256 KiB, well inside a 2 MiB L2. */
  static final int TARGET_ELEMENTS = 1 << 17;

  private Strips() {}

  /** Strip width in elements: a multiple of 32 (a whole 64-byte block), or the whole shard. */
  static int width(int shardElements, int rows) {
    int width = Math.max(ShardLayout.BLOCK_ELEMENTS, (TARGET_ELEMENTS / rows) & -32);
    return Math.min(width, shardElements);
  }

  static int nextPowerOfTwo(int x) {
    return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
  }
}
