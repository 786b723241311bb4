package dev.annals.primitives.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleRootsTest {
  /** Sanity value from reference/protocol-facts.md §1. */
  @Test
  void pairOfZeros() {
    assertThat(MerkleRoots.pair(Hash.ZERO, Hash.ZERO).toHex())
        .isEqualTo("92f8b978bb94efd1ab9d8e2ac84880d850f977d44395939901aebfcdc54cb084");
  }

  /**
   * An independent definition of the unbalanced root: split off the largest power of two below n
   * (the MMR's left peak), recurse on both sides. Agrees with "a node without a sibling moves up".
   */
  private static Hash naiveRoot(List<Hash> leaves) {
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int split = Integer.highestOneBit(leaves.size() - 1);
    byte[] key =
        Kernels.blake3().hash("merkle-tree-inner-node".getBytes(StandardCharsets.US_ASCII));
    byte[] both = new byte[64];
    naiveRoot(leaves.subList(0, split)).copyTo(both, 0);
    naiveRoot(leaves.subList(split, leaves.size())).copyTo(both, 32);
    return Hash.wrap(Kernels.blake3().keyedHash(key, both));
  }

  @Property(tries = 60)
  void unbalancedRootMatchesNaiveDefinition(@ForAll @IntRange(min = 1, max = 70) int n) {
    List<Hash> leaves = Fixtures.hashes(1000, n);
    assertThat(MerkleRoots.unbalancedRootOrZero(leaves)).isEqualTo(naiveRoot(leaves));
  }

  @Test
  void emptyIsZeroAndOneLeafIsItself() {
    assertThat(MerkleRoots.unbalancedRootOrZero(List.of())).isEqualTo(Hash.ZERO);
    assertThat(MerkleRoots.unbalancedRootOrZero(List.of(Fixtures.hash(3))))
        .isEqualTo(Fixtures.hash(3));
  }
}
