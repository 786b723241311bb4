package dev.annals.kernel.merkle;

import dev.annals.kernel.Kernels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Straightforward recursive definitions the trees are checked against. They share nothing with the
 * production code but BLAKE3's single keyed hash.
 */
final class NaiveMerkle {
  static final byte[] KEY =
      Kernels.blake3().hash("merkle-tree-inner-node".getBytes(StandardCharsets.US_ASCII));

  private NaiveMerkle() {}

  static byte[] pair(byte[] l, byte[] r) {
    byte[] both = new byte[64];
    System.arraycopy(l, 0, both, 0, 32);
    System.arraycopy(r, 0, both, 32, 32);
    return Kernels.blake3().keyedHash(KEY, both);
  }

  static byte[] leaf(byte[] leaves, int i) {
    return Arrays.copyOfRange(leaves, 32 * i, 32 * i + 32);
  }

  /**
   * Unbalanced root as a mountain range: the left part is the largest complete subtree (the largest
   * power of two below n), the right part is the rest, recursively.
   */
  static byte[] unbalancedRoot(byte[] leaves, int from, int n) {
    if (n == 1) {
      return leaf(leaves, from);
    }
    int left = Integer.highestOneBit(n - 1);
    return pair(unbalancedRoot(leaves, from, left), unbalancedRoot(leaves, from + left, n - left));
  }

  /** Balanced root by halving; with {@code sparse}, pair(0, 0) = 0. */
  static byte[] balancedRoot(byte[] leaves, int from, int n, boolean sparse) {
    if (n == 1) {
      return leaf(leaves, from);
    }
    byte[] l = balancedRoot(leaves, from, n / 2, sparse);
    byte[] r = balancedRoot(leaves, from + n / 2, n / 2, sparse);
    if (sparse && isZero(l) && isZero(r)) {
      return new byte[32];
    }
    return pair(l, r);
  }

  static boolean isZero(byte[] h) {
    return Arrays.equals(h, new byte[h.length]);
  }
}
