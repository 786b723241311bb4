package dev.annals.kernel.erasure;

/** The shard counts and sizes the coder accepts, with checks that name what is wrong. */
public final class ErasureParameters {
  /** Largest k + nextPowerOfTwo(r): the field has 65536 elements, one per row. */
  public static final int MAX_ROWS = 65536;

  private ErasureParameters() {}

  /** Whether k originals with r recovery shards are supported: the crate's {@code supports}. */
  public static boolean supports(int originalCount, int recoveryCount) {
    return originalCount > 0
        && recoveryCount > 0
        && originalCount < MAX_ROWS
        && recoveryCount < MAX_ROWS
        && Strips.nextPowerOfTwo(recoveryCount) + originalCount <= MAX_ROWS;
  }

  static void requireSupported(int originalCount, int recoveryCount) {
    if (!supports(originalCount, recoveryCount)) {
      throw new IllegalArgumentException(
          "unsupported shard counts: originalCount="
              + originalCount
              + " recoveryCount="
              + recoveryCount
              + " (need both > 0 and nextPowerOfTwo(recoveryCount) + originalCount <= "
              + MAX_ROWS
              + ")");
    }
  }

  static void requireShardBytes(int shardBytes) {
    if (shardBytes <= 0 || (shardBytes & 1) != 0) {
      throw new IllegalArgumentException("shardBytes must be even and > 0, got " + shardBytes);
    }
  }
}
