package dev.annals.primitives.block;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The small Merkle roots that block headers and bodies need: {@code pair(l, r) = KH(H
 * ("merkle-tree-inner-node"), l ‖ r)} and the unbalanced (MMR-shaped) root, where a node without a
 * sibling at the end of a level moves up unchanged. This stays package-private and will move to the
 * native module's Merkle kernel once it has one; only a handful of leaves pass through here.
 */
final class MerkleRoots {
  private static final byte[] INNER_NODE_KEY =
      Kernels.blake3().hash("merkle-tree-inner-node".getBytes(StandardCharsets.US_ASCII));

  private MerkleRoots() {}

  static Hash pair(Hash left, Hash right) {
    byte[] both = new byte[2 * Hash.SIZE];
    left.copyTo(both, 0);
    right.copyTo(both, Hash.SIZE);
    return Hash.wrap(Kernels.blake3().keyedHash(INNER_NODE_KEY, both));
  }

  /** The unbalanced root of {@code leaves}; {@link Hash#ZERO} for none (Abundance's default). */
  static Hash unbalancedRootOrZero(List<Hash> leaves) {
    if (leaves.isEmpty()) {
      return Hash.ZERO;
    }
    Blake3 blake3 = Kernels.blake3();
    List<Hash> level = leaves;
    while (level.size() > 1) {
      List<Hash> next = new ArrayList<>((level.size() + 1) / 2);
      byte[] both = new byte[2 * Hash.SIZE];
      for (int i = 0; i + 1 < level.size(); i += 2) {
        level.get(i).copyTo(both, 0);
        level.get(i + 1).copyTo(both, Hash.SIZE);
        next.add(Hash.wrap(blake3.keyedHash(INNER_NODE_KEY, both)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    return level.get(0);
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
