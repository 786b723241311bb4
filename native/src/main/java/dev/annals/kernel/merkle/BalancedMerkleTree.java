package dev.annals.kernel.merkle;

import static dev.annals.kernel.merkle.MerkleNodes.HASH_LEN;

import java.util.Arrays;

/**
 * A balanced binary Merkle tree over a power-of-two number (at least 2) of 32-byte leaves, paired
 * left to right level by level. A proof is the sibling hashes from the bottom up ({@code log2(n)}
 * hashes).
 */
public final class BalancedMerkleTree {
  private BalancedMerkleTree() {}

  /** The root of {@code count} leaves stored back to back from {@code leaves[offset]}. */
  public static byte[] root(byte[] leaves, int offset, int count) {
    byte[] out = new byte[HASH_LEN];
    root(leaves, offset, count, out, 0);
    return out;
  }

  public static byte[] root(byte[] leaves) {
    return root(leaves, 0, leafCount(leaves));
  }

  /**
   * Writes the root to {@code out[outOff, +32)}. Works level by level in one scratch array of
   * {@code 16 count} bytes, hashing each level's contiguous pairs as one batch.
   */
  public static void root(byte[] leaves, int offset, int count, byte[] out, int outOff) {
    checkLeaves(leaves, offset, count);
    root(leaves, offset, count, new byte[count / 2 * HASH_LEN], out, outOff);
  }

  /**
   * Writes the root to {@code out[outOff, +32)} using the caller's {@code scratch} (at least {@code
   * 16 count} bytes, overwritten) for the levels, so a caller hashing many trees allocates nothing
   * and keeps its levels in cache.
   */
  public static void root(
      byte[] leaves, int offset, int count, byte[] scratch, byte[] out, int outOff) {
    checkLeaves(leaves, offset, count);
    int n = count / 2;
    MerkleNodes.checkHashes("scratch", scratch, 0, n);
    MerkleNodes.pairLevel(leaves, offset, n, scratch, 0);
    while (n > 1) {
      n /= 2;
      MerkleNodes.pairLevel(scratch, 0, n, scratch, 0);
    }
    System.arraycopy(scratch, 0, out, outOff, HASH_LEN);
  }

  /**
   * The root of {@code count} leaves at {@code leaves[offset]}, computed by reducing the leaves in
   * place: the leaves are overwritten (for callers whose leaves are their own scratch, such as
   * freshly computed parity chunks), and no memory is allocated.
   */
  public static void rootInPlace(byte[] leaves, int offset, int count, byte[] out, int outOff) {
    checkLeaves(leaves, offset, count);
    int n = count;
    while (n > 1) {
      n /= 2;
      MerkleNodes.pairLevel(leaves, offset, n, leaves, offset);
    }
    System.arraycopy(leaves, offset, out, outOff, HASH_LEN);
  }

  /** The proof of leaf {@code index}: {@code log2(count)} sibling hashes, bottom up. */
  public static byte[] proof(byte[] leaves, int offset, int count, int index) {
    checkLeaves(leaves, offset, count);
    MerkleNodes.checkIndex(index, count);
    int depth = depth(count);
    byte[] proof = new byte[depth * HASH_LEN];
    System.arraycopy(leaves, offset + (index ^ 1) * HASH_LEN, proof, 0, HASH_LEN);
    byte[] level = new byte[count / 2 * HASH_LEN];
    int n = count / 2;
    MerkleNodes.pairLevel(leaves, offset, n, level, 0);
    int i = index >>> 1;
    for (int d = 1; d < depth; d++) {
      System.arraycopy(level, (i ^ 1) * HASH_LEN, proof, d * HASH_LEN, HASH_LEN);
      n /= 2;
      MerkleNodes.pairLevel(level, 0, n, level, 0);
      i >>>= 1;
    }
    return proof;
  }

  /**
   * Every leaf's proof: proof {@code i} is {@code result[i × depth × 32, +depth × 32)}. All levels
   * are kept in one array of {@code 32 (count − 1)} bytes while the proofs are read out.
   */
  public static byte[] allProofs(byte[] leaves, int offset, int count) {
    checkLeaves(leaves, offset, count);
    int depth = depth(count);
    // levels[levelStart[d] ...] holds level d (d = 1 .. depth) back to back.
    byte[] levels = new byte[(count - 1) * HASH_LEN];
    int[] levelStart = new int[depth + 1];
    MerkleNodes.pairLevel(leaves, offset, count / 2, levels, 0);
    int start = 0;
    int n = count / 2;
    for (int d = 1; d <= depth; d++) {
      levelStart[d] = start;
      if (d < depth) {
        MerkleNodes.pairLevel(levels, start, n / 2, levels, start + n * HASH_LEN);
      }
      start += n * HASH_LEN;
      n /= 2;
    }
    byte[] proofs = new byte[Math.multiplyExact(count, depth * HASH_LEN)];
    for (int leaf = 0; leaf < count; leaf++) {
      int p = leaf * depth * HASH_LEN;
      System.arraycopy(leaves, offset + (leaf ^ 1) * HASH_LEN, proofs, p, HASH_LEN);
      int i = leaf >>> 1;
      for (int d = 1; d < depth; d++) {
        System.arraycopy(
            levels, levelStart[d] + (i ^ 1) * HASH_LEN, proofs, p + d * HASH_LEN, HASH_LEN);
        i >>>= 1;
      }
    }
    return proofs;
  }

  /**
   * Whether {@code leaf} is leaf {@code index} of a balanced tree of {@code count} leaves with the
   * given root. The proof must hold exactly {@code log2(count)} hashes.
   */
  public static boolean verify(byte[] root, int count, int index, byte[] leaf, byte[] proof) {
    MerkleNodes.checkHash("root", root);
    MerkleNodes.checkHash("leaf", leaf);
    checkCount(count);
    MerkleNodes.checkIndex(index, count);
    int depth = depth(count);
    if (proof.length != depth * HASH_LEN) {
      throw new IllegalArgumentException(
          "balanced proof for "
              + count
              + " leaves must be "
              + depth * HASH_LEN
              + " bytes ("
              + depth
              + " hashes), got "
              + proof.length);
    }
    byte[] cur = leaf.clone();
    int i = index;
    for (int d = 0; d < depth; d++) {
      if ((i & 1) == 0) {
        MerkleNodes.pair(cur, 0, proof, d * HASH_LEN, cur, 0);
      } else {
        MerkleNodes.pair(proof, d * HASH_LEN, cur, 0, cur, 0);
      }
      i >>>= 1;
    }
    return Arrays.equals(cur, root);
  }

  static int depth(int count) {
    return Integer.numberOfTrailingZeros(count);
  }

  static void checkCount(int count) {
    if (count < 2 || Integer.bitCount(count) != 1) {
      throw new IllegalArgumentException(
          "balanced Merkle tree needs a power-of-two leaf count >= 2, got " + count);
    }
  }

  static void checkLeaves(byte[] leaves, int offset, int count) {
    checkCount(count);
    MerkleNodes.checkHashes("leaves", leaves, offset, count);
  }

  static int leafCount(byte[] leaves) {
    if (leaves.length % HASH_LEN != 0) {
      throw new IllegalArgumentException(
          "leaves must be a multiple of " + HASH_LEN + " bytes, got " + leaves.length);
    }
    return leaves.length / HASH_LEN;
  }
}
