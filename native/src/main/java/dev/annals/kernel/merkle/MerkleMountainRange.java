package dev.annals.kernel.merkle;

import static dev.annals.kernel.merkle.MerkleNodes.HASH_LEN;

/**
 * Incremental form of {@link UnbalancedMerkleTree}: leaves are appended one at a time and only the
 * peaks (roots of the complete subtrees, one per set bit of the leaf count, largest first) are
 * kept. The root folds the peaks from the right, which is exactly the unbalanced tree's root. Not
 * thread-safe.
 */
public final class MerkleMountainRange {
  /** One peak per bit of a long count. */
  private static final int MAX_PEAKS = 64;

  private final byte[] peaks = new byte[(MAX_PEAKS + 1) * HASH_LEN];
  private int peakCount;
  private long leafCount;

  public long leafCount() {
    return leafCount;
  }

  /**
   * The peaks, largest first, as concatenated 32-byte hashes (one per set bit of the leaf count):
   * with the leaf count, everything needed to continue appending ({@link #restore}).
   */
  public byte[] peaks() {
    byte[] out = new byte[peakCount * HASH_LEN];
    System.arraycopy(peaks, 0, out, 0, out.length);
    return out;
  }

  /** A range that continues from {@code leafCount} leaves whose {@link #peaks} are given. */
  public static MerkleMountainRange restore(long leafCount, byte[] peaks) {
    if (leafCount < 0) {
      throw new IllegalArgumentException(
          "leaf count: must not be negative (value " + leafCount + ")");
    }
    int count = Long.bitCount(leafCount);
    if (peaks == null || peaks.length != count * HASH_LEN) {
      throw new IllegalArgumentException(
          "peaks: "
              + leafCount
              + " leaves need "
              + count
              + " peaks of 32 bytes (value "
              + (peaks == null ? "null" : peaks.length + " bytes")
              + ")");
    }
    MerkleMountainRange mmr = new MerkleMountainRange();
    System.arraycopy(peaks, 0, mmr.peaks, 0, peaks.length);
    mmr.peakCount = count;
    mmr.leafCount = leafCount;
    return mmr;
  }

  public void append(byte[] leaf) {
    MerkleNodes.checkHash("leaf", leaf);
    append(leaf, 0);
  }

  /** Appends the leaf {@code leaves[offset, +32)}. */
  public void append(byte[] leaves, int offset) {
    MerkleNodes.checkHashes("leaf", leaves, offset, 1);
    if (leafCount == Long.MAX_VALUE) {
      throw new IllegalStateException("Merkle mountain range is full");
    }
    System.arraycopy(leaves, offset, peaks, peakCount * HASH_LEN, HASH_LEN);
    peakCount++;
    // Each trailing one bit of the old count is a same-sized peak the new leaf completes.
    for (long c = leafCount; (c & 1) == 1; c >>>= 1) {
      int left = (peakCount - 2) * HASH_LEN;
      MerkleNodes.pairLevel(peaks, left, 1, peaks, left);
      peakCount--;
    }
    leafCount++;
  }

  /** The root of the leaves appended so far; at least one leaf is needed. */
  public byte[] root() {
    if (leafCount == 0) {
      throw new IllegalStateException("Merkle mountain range has no leaves, so no root");
    }
    byte[] acc = new byte[HASH_LEN];
    System.arraycopy(peaks, (peakCount - 1) * HASH_LEN, acc, 0, HASH_LEN);
    for (int p = peakCount - 2; p >= 0; p--) {
      MerkleNodes.pair(peaks, p * HASH_LEN, acc, 0, acc, 0);
    }
    return acc;
  }
}
