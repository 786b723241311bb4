package dev.annals.kernel.merkle;

import static dev.annals.kernel.merkle.MerkleNodes.HASH_LEN;

import java.util.Arrays;

/**
 * A balanced Merkle tree in which the pair of two all-zero hashes is the all-zero hash instead of
 * its keyed hash, so empty subtrees cost nothing. Leaf count, proofs and their checks are those of
 * {@link BalancedMerkleTree}.
 */
public final class SparseMerkleTree {
  private SparseMerkleTree() {}

  public static byte[] root(byte[] leaves, int offset, int count) {
    BalancedMerkleTree.checkLeaves(leaves, offset, count);
    byte[] level = new byte[count / 2 * HASH_LEN];
    int n = count / 2;
    reduce(leaves, offset, n, level);
    while (n > 1) {
      n /= 2;
      reduce(level, 0, n, level);
    }
    return Arrays.copyOf(level, HASH_LEN);
  }

  public static byte[] root(byte[] leaves) {
    return root(leaves, 0, BalancedMerkleTree.leafCount(leaves));
  }

  /** The proof of leaf {@code index}: {@code log2(count)} sibling hashes, bottom up. */
  public static byte[] proof(byte[] leaves, int offset, int count, int index) {
    BalancedMerkleTree.checkLeaves(leaves, offset, count);
    MerkleNodes.checkIndex(index, count);
    int depth = BalancedMerkleTree.depth(count);
    byte[] proof = new byte[depth * HASH_LEN];
    System.arraycopy(leaves, offset + (index ^ 1) * HASH_LEN, proof, 0, HASH_LEN);
    byte[] level = new byte[count / 2 * HASH_LEN];
    int n = count / 2;
    reduce(leaves, offset, n, level);
    int i = index >>> 1;
    for (int d = 1; d < depth; d++) {
      System.arraycopy(level, (i ^ 1) * HASH_LEN, proof, d * HASH_LEN, HASH_LEN);
      n /= 2;
      reduce(level, 0, n, level);
      i >>>= 1;
    }
    return proof;
  }

  public static boolean verify(byte[] root, int count, int index, byte[] leaf, byte[] proof) {
    MerkleNodes.checkHash("root", root);
    MerkleNodes.checkHash("leaf", leaf);
    BalancedMerkleTree.checkCount(count);
    MerkleNodes.checkIndex(index, count);
    int depth = BalancedMerkleTree.depth(count);
    if (proof.length != depth * HASH_LEN) {
      throw new IllegalArgumentException(
          "sparse proof for "
              + count
              + " leaves must be "
              + depth * HASH_LEN
              + " bytes ("
              + depth
              + " hashes), got "
              + proof.length);
    }
    byte[] block = new byte[2 * HASH_LEN];
    byte[] cur = leaf.clone();
    int i = index;
    for (int d = 0; d < depth; d++) {
      int curAt = (i & 1) == 0 ? 0 : HASH_LEN;
      System.arraycopy(cur, 0, block, curAt, HASH_LEN);
      System.arraycopy(proof, d * HASH_LEN, block, HASH_LEN - curAt, HASH_LEN);
      sparsePair(block, 0, cur, 0);
      i >>>= 1;
    }
    return Arrays.equals(cur, root);
  }

  /** {@code pair(0, 0) = 0}, otherwise the keyed inner-node hash. */
  private static void sparsePair(byte[] src, int srcOff, byte[] dst, int dstOff) {
    if (isZero(src, srcOff, 2 * HASH_LEN)) {
      Arrays.fill(dst, dstOff, dstOff + HASH_LEN, (byte) 0);
    } else {
      MerkleNodes.pairLevel(src, srcOff, 1, dst, dstOff);
    }
  }

  /**
   * One level up in place-safe order: runs of pairs that are not both zero are hashed as one batch,
   * all-zero pairs give zero.
   */
  private static void reduce(byte[] src, int srcOff, int pairs, byte[] dst) {
    int i = 0;
    while (i < pairs) {
      if (isZero(src, srcOff + i * 2 * HASH_LEN, 2 * HASH_LEN)) {
        Arrays.fill(dst, i * HASH_LEN, (i + 1) * HASH_LEN, (byte) 0);
        i++;
        continue;
      }
      int run = i + 1;
      while (run < pairs && !isZero(src, srcOff + run * 2 * HASH_LEN, 2 * HASH_LEN)) {
        run++;
      }
      MerkleNodes.pairLevel(src, srcOff + i * 2 * HASH_LEN, run - i, dst, i * HASH_LEN);
      i = run;
    }
  }

  private static boolean isZero(byte[] b, int off, int len) {
    return Arrays.mismatch(b, off, off + len, ZERO_PAIR, 0, len) < 0;
  }

  private static final byte[] ZERO_PAIR = new byte[2 * HASH_LEN];
}
