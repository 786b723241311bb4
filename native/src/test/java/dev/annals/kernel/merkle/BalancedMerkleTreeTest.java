package dev.annals.kernel.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BalancedMerkleTreeTest {
  private static byte[] randomLeaves(Random r, int prefix, int count) {
    byte[] b = new byte[prefix + 32 * count];
    r.nextBytes(b);
    return b;
  }

  @Test
  void rootMatchesNaiveDefinitionWithOffset() {
    Random r = new Random(10);
    for (int count = 2; count <= 1024; count *= 2) {
      byte[] leaves = randomLeaves(r, 32 * 3, count);
      byte[] expected =
          NaiveMerkle.balancedRoot(Arrays.copyOfRange(leaves, 96, leaves.length), 0, count, false);
      assertThat(BalancedMerkleTree.root(leaves, 96, count))
          .as("count %d", count)
          .isEqualTo(expected);
      byte[] out = new byte[40];
      BalancedMerkleTree.root(leaves, 96, count, out, 5);
      assertThat(Arrays.copyOfRange(out, 5, 37)).isEqualTo(expected);
    }
  }

  @Test
  void rootWithScratchAndInPlaceMatchNaiveDefinition() {
    Random r = new Random(12);
    for (int count = 2; count <= 1024; count *= 2) {
      byte[] leaves = randomLeaves(r, 32 * 3, count);
      byte[] expected =
          NaiveMerkle.balancedRoot(Arrays.copyOfRange(leaves, 96, leaves.length), 0, count, false);
      byte[] scratch = new byte[16 * count + 7];
      r.nextBytes(scratch);
      byte[] out = new byte[40];
      byte[] before = leaves.clone();
      BalancedMerkleTree.root(leaves, 96, count, scratch, out, 3);
      assertThat(Arrays.copyOfRange(out, 3, 35)).as("scratch, count %d", count).isEqualTo(expected);
      assertThat(leaves).isEqualTo(before);
      BalancedMerkleTree.rootInPlace(leaves, 96, count, out, 8);
      assertThat(Arrays.copyOfRange(out, 8, 40))
          .as("in place, count %d", count)
          .isEqualTo(expected);
      assertThat(Arrays.copyOfRange(leaves, 0, 96)).isEqualTo(Arrays.copyOfRange(before, 0, 96));
    }
  }

  @Test
  void tooSmallScratchIsRefused() {
    byte[] leaves = new byte[32 * 8];
    assertThatThrownBy(() -> BalancedMerkleTree.root(leaves, 0, 8, new byte[127], new byte[32], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scratch");
    assertThatThrownBy(() -> BalancedMerkleTree.rootInPlace(leaves, 0, 6, new byte[32], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power-of-two");
  }

  @Test
  void proofsVerifyAndMatchAllProofs() {
    Random r = new Random(11);
    for (int count = 2; count <= 256; count *= 2) {
      int depth = Integer.numberOfTrailingZeros(count);
      byte[] leaves = randomLeaves(r, 0, count);
      byte[] root = BalancedMerkleTree.root(leaves);
      byte[] all = BalancedMerkleTree.allProofs(leaves, 0, count);
      assertThat(all).hasSize(count * depth * 32);
      for (int i = 0; i < count; i++) {
        byte[] proof = BalancedMerkleTree.proof(leaves, 0, count, i);
        assertThat(proof).isEqualTo(Arrays.copyOfRange(all, i * depth * 32, (i + 1) * depth * 32));
        byte[] leaf = NaiveMerkle.leaf(leaves, i);
        assertThat(BalancedMerkleTree.verify(root, count, i, leaf, proof)).isTrue();
        assertThat(BalancedMerkleTree.verify(root, count, i ^ 1, leaf, proof))
            .as("wrong index")
            .isFalse();
        byte[] tampered = proof.clone();
        tampered[r.nextInt(tampered.length)] ^= 1;
        assertThat(BalancedMerkleTree.verify(root, count, i, leaf, tampered)).isFalse();
      }
    }
  }

  @Test
  void rejectsBadInput() {
    byte[] leaves = new byte[32 * 8];
    assertThatThrownBy(() -> BalancedMerkleTree.root(leaves, 0, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power-of-two")
        .hasMessageContaining("6");
    assertThatThrownBy(() -> BalancedMerkleTree.root(leaves, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1");
    assertThatThrownBy(() -> BalancedMerkleTree.root(leaves, 32, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not fit");
    assertThatThrownBy(() -> BalancedMerkleTree.root(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("33");
    assertThatThrownBy(() -> BalancedMerkleTree.proof(leaves, 0, 8, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 8");
    byte[] root = BalancedMerkleTree.root(leaves);
    assertThatThrownBy(() -> BalancedMerkleTree.verify(root, 8, 0, new byte[32], new byte[2 * 32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 hashes");
    assertThatThrownBy(() -> BalancedMerkleTree.verify(root, 8, -1, new byte[32], new byte[96]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
