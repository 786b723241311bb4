package dev.annals.kernel.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnbalancedMerkleTreeTest {
  private static byte[] randomLeaves(Random r, int count) {
    byte[] b = new byte[32 * count];
    r.nextBytes(b);
    return b;
  }

  @Test
  void rootsMatchNaiveRecursionFor1To300Leaves() {
    byte[] leaves = randomLeaves(new Random(20), 300);
    for (int count = 1; count <= 300; count++) {
      assertThat(UnbalancedMerkleTree.root(leaves, 0, count))
          .as("count %d", count)
          .isEqualTo(NaiveMerkle.unbalancedRoot(leaves, 0, count));
    }
  }

  @Test
  void oneLeafIsItsOwnRootWithEmptyProof() {
    byte[] leaf = randomLeaves(new Random(21), 1);
    assertThat(UnbalancedMerkleTree.root(leaf)).isEqualTo(leaf);
    assertThat(UnbalancedMerkleTree.proof(leaf, 0, 1, 0)).isEmpty();
    assertThat(UnbalancedMerkleTree.verify(leaf, 1, 0, leaf, new byte[0])).isTrue();
  }

  @Test
  void powerOfTwoEqualsBalanced() {
    byte[] leaves = randomLeaves(new Random(22), 512);
    for (int count = 2; count <= 512; count *= 2) {
      assertThat(UnbalancedMerkleTree.root(leaves, 0, count))
          .isEqualTo(BalancedMerkleTree.root(leaves, 0, count));
    }
  }

  @Test
  void everyProofVerifiesAndIsExact() {
    Random r = new Random(23);
    byte[] leaves = randomLeaves(r, 300);
    for (int count = 1; count <= 300; count += count < 40 ? 1 : 37) {
      byte[] root = NaiveMerkle.unbalancedRoot(leaves, 0, count);
      for (int i = 0; i < count; i++) {
        byte[] leaf = NaiveMerkle.leaf(leaves, i);
        byte[] proof = UnbalancedMerkleTree.proof(leaves, 0, count, i);
        assertThat(proof).hasSize(32 * UnbalancedMerkleTree.proofLength(count, i));
        assertThat(UnbalancedMerkleTree.verify(root, count, i, leaf, proof))
            .as("count %d index %d", count, i)
            .isTrue();
        if (proof.length > 0) {
          byte[] tampered = proof.clone();
          tampered[r.nextInt(tampered.length)] ^= 1;
          assertThat(UnbalancedMerkleTree.verify(root, count, i, leaf, tampered)).isFalse();
          byte[] longer = Arrays.copyOf(proof, proof.length + 32);
          int n = count;
          int index = i;
          assertThatThrownBy(() -> UnbalancedMerkleTree.verify(root, n, index, leaf, longer))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("got " + longer.length);
        }
      }
    }
  }

  @Test
  void allProofsEqualTheProofsOneByOne() {
    byte[] leaves = randomLeaves(new Random(24), 1 + 200);
    for (int count = 1; count <= 200; count += count < 70 ? 1 : 13) {
      byte[][] all = UnbalancedMerkleTree.allProofs(leaves, 32, count);
      assertThat(all.length).isEqualTo(count);
      for (int i = 0; i < count; i++) {
        assertThat(all[i])
            .as("count %d index %d", count, i)
            .isEqualTo(UnbalancedMerkleTree.proof(leaves, 32, count, i));
      }
    }
  }

  @Test
  void lastLeafOfOddLevelsSkipsLevels() {
    // 5 leaves: leaf 4 moves up twice unchanged and is paired only at the top.
    assertThat(UnbalancedMerkleTree.proofLength(5, 4)).isEqualTo(1);
    assertThat(UnbalancedMerkleTree.proofLength(5, 0)).isEqualTo(3);
    assertThat(UnbalancedMerkleTree.proofLength(1, 0)).isZero();
  }

  @Test
  void mountainRangeMatchesTreeAfterEveryAppend() {
    byte[] leaves = randomLeaves(new Random(24), 300);
    MerkleMountainRange mmr = new MerkleMountainRange();
    assertThatThrownBy(mmr::root).isInstanceOf(IllegalStateException.class);
    for (int count = 1; count <= 300; count++) {
      mmr.append(leaves, 32 * (count - 1));
      assertThat(mmr.leafCount()).isEqualTo(count);
      assertThat(mmr.root())
          .as("count %d", count)
          .isEqualTo(NaiveMerkle.unbalancedRoot(leaves, 0, count));
    }
  }

  @Test
  void restoredMountainRangeContinuesLikeTheOriginal() {
    byte[] leaves = randomLeaves(new Random(25), 100);
    MerkleMountainRange mmr = new MerkleMountainRange();
    for (int count = 1; count < 100; count++) {
      mmr.append(leaves, 32 * (count - 1));
      MerkleMountainRange restored = MerkleMountainRange.restore(mmr.leafCount(), mmr.peaks());
      restored.append(leaves, 32 * count);
      assertThat(restored.root())
          .as("count %d", count + 1)
          .isEqualTo(NaiveMerkle.unbalancedRoot(leaves, 0, count + 1));
    }
    assertThatThrownBy(() -> MerkleMountainRange.restore(3, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 2 peaks");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> UnbalancedMerkleTree.root(new byte[0], 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> UnbalancedMerkleTree.proof(new byte[96], 0, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 3");
    assertThatThrownBy(() -> new MerkleMountainRange().append(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31");
  }
}
