package dev.annals.kernel.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseMerkleTreeTest {
  @Test
  void rootAndProofsMatchNaiveSparseDefinition() {
    Random r = new Random(30);
    for (int count = 2; count <= 256; count *= 2) {
      for (int filled : new int[] {0, 1, 3, count / 2, count}) {
        byte[] leaves = new byte[32 * count];
        for (int k = 0; k < filled; k++) {
          int at = r.nextInt(count);
          for (int b = 0; b < 32; b++) {
            leaves[32 * at + b] = (byte) r.nextInt();
          }
        }
        byte[] root = SparseMerkleTree.root(leaves);
        assertThat(root).isEqualTo(NaiveMerkle.balancedRoot(leaves, 0, count, true));
        for (int i = 0; i < count; i += 1 + count / 16) {
          byte[] proof = SparseMerkleTree.proof(leaves, 0, count, i);
          assertThat(SparseMerkleTree.verify(root, count, i, NaiveMerkle.leaf(leaves, i), proof))
              .isTrue();
          byte[] other = NaiveMerkle.leaf(leaves, i);
          other[0] ^= 1;
          assertThat(SparseMerkleTree.verify(root, count, i, other, proof)).isFalse();
        }
      }
    }
  }

  @Test
  void allZeroTreeHasZeroRootButNonZeroLeafChangesIt() {
    byte[] leaves = new byte[32 * 64];
    assertThat(SparseMerkleTree.root(leaves)).isEqualTo(new byte[32]);
    leaves[32 * 63] = 1;
    assertThat(SparseMerkleTree.root(leaves)).isNotEqualTo(new byte[32]);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> SparseMerkleTree.root(new byte[32 * 3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3");
    assertThatThrownBy(
            () -> SparseMerkleTree.verify(new byte[32], 4, 0, new byte[32], new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 hashes");
  }
}
