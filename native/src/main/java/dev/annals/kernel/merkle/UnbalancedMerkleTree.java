package dev.annals.kernel.merkle;

import static dev.annals.kernel.merkle.MerkleNodes.HASH_LEN;

import java.util.Arrays;

/**
 * An unbalanced (MMR-shaped) Merkle tree over any number (at least 1) of 32-byte leaves, without
 * padding: each level pairs its nodes left to right and a last node without a sibling moves up
 * unchanged. One leaf is its own root; a power-of-two count gives the balanced root. A proof holds
 * one sibling per level where the node had one, bottom up, and must be used up exactly.
 */
public final class UnbalancedMerkleTree {
  private UnbalancedMerkleTree() {}

  public static byte[] root(byte[] leaves, int offset, int count) {
    byte[] out = new byte[HASH_LEN];
    root(leaves, offset, count, out, 0);
    return out;
  }

  public static byte[] root(byte[] leaves) {
    return root(leaves, 0, BalancedMerkleTree.leafCount(leaves));
  }

  /** Writes the root to {@code out[outOff, +32)}, level by level in one scratch array. */
  public static void root(byte[] leaves, int offset, int count, byte[] out, int outOff) {
    checkLeaves(leaves, offset, count);
    if (count == 1) {
      System.arraycopy(leaves, offset, out, outOff, HASH_LEN);
      return;
    }
    byte[] level = new byte[(count + 1) / 2 * HASH_LEN];
    int n = reduce(leaves, offset, count, level);
    while (n > 1) {
      n = reduce(level, 0, n, level);
    }
    System.arraycopy(level, 0, out, outOff, HASH_LEN);
  }

  /** The number of proof hashes for leaf {@code index} of {@code count}. */
  public static int proofLength(int count, int index) {
    checkCount(count);
    MerkleNodes.checkIndex(index, count);
    int hashes = 0;
    for (int n = count, i = index; n > 1; n = (n + 1) / 2, i >>>= 1) {
      if (hasSibling(n, i)) {
        hashes++;
      }
    }
    return hashes;
  }

  /** The proof of leaf {@code index}: the siblings that exist, bottom up. */
  public static byte[] proof(byte[] leaves, int offset, int count, int index) {
    checkLeaves(leaves, offset, count);
    MerkleNodes.checkIndex(index, count);
    byte[] proof = new byte[proofLength(count, index) * HASH_LEN];
    if (count == 1) {
      return proof;
    }
    int p = 0;
    if (hasSibling(count, index)) {
      System.arraycopy(leaves, offset + (index ^ 1) * HASH_LEN, proof, 0, HASH_LEN);
      p += HASH_LEN;
    }
    byte[] level = new byte[(count + 1) / 2 * HASH_LEN];
    int n = reduce(leaves, offset, count, level);
    int i = index >>> 1;
    while (n > 1) {
      if (hasSibling(n, i)) {
        System.arraycopy(level, (i ^ 1) * HASH_LEN, proof, p, HASH_LEN);
        p += HASH_LEN;
      }
      n = reduce(level, 0, n, level);
      i >>>= 1;
    }
    return proof;
  }

  /**
   * Every leaf's proof at once ({@code result[i]} is leaf i's, as {@link #proof} gives it): the
   * levels are built once, so n proofs cost n − 1 pair hashes instead of n (n − 1).
   */
  public static byte[][] allProofs(byte[] leaves, int offset, int count) {
    checkLeaves(leaves, offset, count);
    // Levels 1.. back to back: each at most half (rounded up) of the one below, under 2n nodes.
    int levelCount = 0;
    for (int n = count; n > 1; n = (n + 1) / 2) {
      levelCount++;
    }
    int[] start = new int[levelCount + 1];
    int[] size = new int[levelCount + 1];
    size[0] = count;
    int total = 0;
    for (int d = 1; d <= levelCount; d++) {
      size[d] = (size[d - 1] + 1) / 2;
      start[d] = total;
      total += size[d];
    }
    byte[] levels = new byte[total * HASH_LEN];
    for (int d = 1; d <= levelCount; d++) {
      byte[] src = d == 1 ? leaves : levels;
      int srcOff = d == 1 ? offset : start[d - 1] * HASH_LEN;
      byte[] level = new byte[size[d] * HASH_LEN];
      reduce(src, srcOff, size[d - 1], level);
      System.arraycopy(level, 0, levels, start[d] * HASH_LEN, level.length);
    }
    byte[][] proofs = new byte[count][];
    for (int leaf = 0; leaf < count; leaf++) {
      byte[] proof = new byte[proofLength(count, leaf) * HASH_LEN];
      int p = 0;
      int i = leaf;
      for (int d = 0; d < levelCount; d++, i >>>= 1) {
        if (!hasSibling(size[d], i)) {
          continue;
        }
        if (d == 0) {
          System.arraycopy(leaves, offset + (i ^ 1) * HASH_LEN, proof, p, HASH_LEN);
        } else {
          System.arraycopy(levels, (start[d] + (i ^ 1)) * HASH_LEN, proof, p, HASH_LEN);
        }
        p += HASH_LEN;
      }
      proofs[leaf] = proof;
    }
    return proofs;
  }

  /**
   * Whether {@code leaf} is leaf {@code index} of an unbalanced tree of {@code count} leaves with
   * the given root. The proof must hold exactly {@link #proofLength} hashes.
   */
  public static boolean verify(byte[] root, int count, int index, byte[] leaf, byte[] proof) {
    MerkleNodes.checkHash("root", root);
    MerkleNodes.checkHash("leaf", leaf);
    int expected = proofLength(count, index);
    if (proof.length != expected * HASH_LEN) {
      throw new IllegalArgumentException(
          "unbalanced proof for leaf "
              + index
              + " of "
              + count
              + " must be "
              + expected * HASH_LEN
              + " bytes ("
              + expected
              + " hashes), got "
              + proof.length);
    }
    byte[] cur = leaf.clone();
    int p = 0;
    for (int n = count, i = index; n > 1; n = (n + 1) / 2, i >>>= 1) {
      if (!hasSibling(n, i)) {
        continue;
      }
      if ((i & 1) == 0) {
        MerkleNodes.pair(cur, 0, proof, p, cur, 0);
      } else {
        MerkleNodes.pair(proof, p, cur, 0, cur, 0);
      }
      p += HASH_LEN;
    }
    return Arrays.equals(cur, root);
  }

  /**
   * Node {@code i} of a level of {@code n} nodes has a sibling unless it is an odd level's last.
   */
  static boolean hasSibling(int n, int i) {
    return (i ^ 1) < n;
  }

  /**
   * One level up: pairs hashed as a batch, an unpaired last node copied. Returns the new node
   * count.
   */
  private static int reduce(byte[] src, int srcOff, int n, byte[] dst) {
    int pairs = n / 2;
    MerkleNodes.pairLevel(src, srcOff, pairs, dst, 0);
    if ((n & 1) != 0) {
      System.arraycopy(src, srcOff + (n - 1) * HASH_LEN, dst, pairs * HASH_LEN, HASH_LEN);
    }
    return pairs + (n & 1);
  }

  static void checkCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException(
          "unbalanced Merkle tree needs at least 1 leaf, got " + count);
    }
  }

  private static void checkLeaves(byte[] leaves, int offset, int count) {
    checkCount(count);
    MerkleNodes.checkHashes("leaves", leaves, offset, count);
  }
}
