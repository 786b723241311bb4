package dev.annals.consensus.shard;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.kernel.merkle.MerkleNodes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.solution.ShardCommitment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A farmer's shard commitments for one history size: {@code 2^leavesLog2} leaves of 32 bytes, the
 * consecutive output of keyed-BLAKE3 XOF (key = the farmer's commitments seed, input = history size
 * u64 LE in its wire encoding, segments − 1), and their balanced Merkle root, which every sector
 * plotted at that history size binds into its sector id.
 *
 * <p>The leaves are kept (32 MiB at 2^20) so a winning solution can reveal any of them. The root is
 * built as {@code SUBTREES} independent subtrees hashed in parallel, then their few roots paired;
 * each level inside a subtree goes to the kernel as one batch.
 */
public final class ShardCommitmentTree {
  private static final Blake3 BLAKE3 = Kernels.blake3();
  private static final int SUBTREES_LOG2 = 3;

  private final int leavesLog2;
  private final byte[] leaves;

  /** Roots of the subtrees, then every level above them up to the root, back to back. */
  private final byte[] top;

  private final int subtreesLog2;
  private final Hash root;

  private ShardCommitmentTree(int leavesLog2, byte[] leaves, boolean parallel) {
    this.leavesLog2 = leavesLog2;
    this.leaves = leaves;
    this.subtreesLog2 = Math.min(SUBTREES_LOG2, leavesLog2 - 1);
    int subtrees = 1 << subtreesLog2;
    int subtreeLeaves = 1 << (leavesLog2 - subtreesLog2);
    // subtrees + subtrees/2 + ... + 1 nodes
    this.top = new byte[(2 * subtrees - 1) * Hash.SIZE];
    IntStream indices = IntStream.range(0, subtrees);
    if (parallel) {
      indices = indices.parallel();
    }
    indices.forEach(
        s ->
            BalancedMerkleTree.root(
                leaves, s * subtreeLeaves * Hash.SIZE, subtreeLeaves, top, s * Hash.SIZE));
    int levelStart = 0;
    for (int n = subtrees; n > 1; n /= 2) {
      int next = levelStart + n * Hash.SIZE;
      for (int i = 0; i < n / 2; i++) {
        MerkleNodes.pair(
            top,
            levelStart + 2 * i * Hash.SIZE,
            top,
            levelStart + (2 * i + 1) * Hash.SIZE,
            top,
            next + i * Hash.SIZE);
      }
      levelStart = next;
    }
    this.root = Hash.wrap(Arrays.copyOfRange(top, levelStart, levelStart + Hash.SIZE));
  }

  /** The farmer's commitments seed: BLAKE3 of the 32-byte identity secret key. */
  public static Hash seedFromSecretKey(byte[] secretKey) {
    if (secretKey == null || secretKey.length != 32) {
      throw new IllegalArgumentException(
          "secret_key: must be 32 bytes (value "
              + (secretKey == null ? null : secretKey.length + " bytes")
              + ")");
    }
    return Hash.blake3(secretKey);
  }

  /** Builds the tree, hashing subtrees on the common fork-join pool. */
  public static ShardCommitmentTree build(Hash seed, HistorySize historySize, int leavesLog2) {
    return build(seed, historySize, leavesLog2, true);
  }

  public static ShardCommitmentTree build(
      Hash seed, HistorySize historySize, int leavesLog2, boolean parallel) {
    if (seed == null || historySize == null) {
      throw new IllegalArgumentException("shard commitments: seed and history size must be set");
    }
    if (leavesLog2 < 1 || leavesLog2 > 25) {
      // 2^25 leaves are 1 GiB; beyond that a byte[] cannot hold them.
      throw new IllegalArgumentException(
          "shard_commitment_leaves_log2: must be in 1..=25 to build a tree (value "
              + leavesLog2
              + ")");
    }
    return new ShardCommitmentTree(leavesLog2, leaves(seed, historySize, leavesLog2), parallel);
  }

  /** The leaves alone, {@code 2^leavesLog2 × 32} bytes of XOF output. */
  static byte[] leaves(Hash seed, HistorySize historySize, int leavesLog2) {
    byte[] input = new byte[8];
    LittleEndian.putLong(input, 0, historySize.encoded());
    byte[] out = new byte[(1 << leavesLog2) * Hash.SIZE];
    BLAKE3.newKeyedHasher(seed.toBytes()).update(input).finish(out, 0, out.length);
    return out;
  }

  public Hash root() {
    return root;
  }

  public int leafCount() {
    return 1 << leavesLog2;
  }

  public Hash leaf(int index) {
    checkIndex(index);
    return Hash.wrap(Arrays.copyOfRange(leaves, index * Hash.SIZE, (index + 1) * Hash.SIZE));
  }

  /** What a winning solution carries: root, the leaf at {@code index} and its proof (bottom up). */
  public ShardCommitment reveal(int index) {
    checkIndex(index);
    int subtreeLeavesLog2 = leavesLog2 - subtreesLog2;
    int subtreeLeaves = 1 << subtreeLeavesLog2;
    int subtree = index >>> subtreeLeavesLog2;
    List<Hash> proof = new ArrayList<>(leavesLog2);
    byte[] lower =
        BalancedMerkleTree.proof(
            leaves,
            subtree * subtreeLeaves * Hash.SIZE,
            subtreeLeaves,
            index & (subtreeLeaves - 1));
    for (int i = 0; i < subtreeLeavesLog2; i++) {
      proof.add(Hash.wrap(Arrays.copyOfRange(lower, i * Hash.SIZE, (i + 1) * Hash.SIZE)));
    }
    int levelStart = 0;
    int node = subtree;
    for (int n = 1 << subtreesLog2; n > 1; n /= 2) {
      int sibling = levelStart + (node ^ 1) * Hash.SIZE;
      proof.add(Hash.wrap(Arrays.copyOfRange(top, sibling, sibling + Hash.SIZE)));
      levelStart += n * Hash.SIZE;
      node >>>= 1;
    }
    return new ShardCommitment(root, proof, leaf(index));
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= leafCount()) {
      throw new IllegalArgumentException(
          "shard commitment index: must be below "
              + leafCount()
              + " (value "
              + Integer.toUnsignedString(index)
              + ")");
    }
  }
}
