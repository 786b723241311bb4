package dev.annals.primitives.block;

import dev.annals.kernel.merkle.MerkleNodes;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.Hash;
import java.util.ArrayList;
import java.util.List;

/** The small Merkle roots that block headers and bodies need, over native's Merkle kernel. */
final class MerkleRoots {
  private MerkleRoots() {}

  static Hash pair(Hash left, Hash right) {
    return Hash.wrap(MerkleNodes.pair(left.toBytes(), right.toBytes()));
  }

  /** The unbalanced root of {@code leaves}; {@link Hash#ZERO} for none (Abundance's default). */
  static Hash unbalancedRootOrZero(List<Hash> leaves) {
    if (leaves.isEmpty()) {
      return Hash.ZERO;
    }
    byte[] packed = new byte[leaves.size() * Hash.SIZE];
    for (int i = 0; i < leaves.size(); i++) {
      leaves.get(i).copyTo(packed, i * Hash.SIZE);
    }
    return Hash.wrap(UnbalancedMerkleTree.root(packed, 0, leaves.size()));
  }

  /**
   * Unbalanced root over {@code H(item)} of each item: hashing again keeps a root distinct from its
   * leaves.
   */
  static Hash rehashedRootOrZero(List<Hash> items) {
    List<Hash> leaves = new ArrayList<>(items.size());
    for (Hash item : items) {
      leaves.add(Hash.blake3(item.toBytes()));
    }
    return unbalancedRootOrZero(leaves);
  }
}
