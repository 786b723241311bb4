package dev.annals.consensus.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.solution.ShardCommitment;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShardCommitmentTreeTest {
  private static Hash randomHash(SplittableRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hash.wrap(b);
  }

  /** Leaves one by one from a keyed hasher reading 32 bytes at a time, the naive way. */
  private static byte[] naiveLeaves(Hash seed, long encodedHistorySize, int count) {
    byte[] input = new byte[8];
    for (int i = 0; i < 8; i++) {
      input[i] = (byte) (encodedHistorySize >>> (8 * i));
    }
    byte[] all =
        Kernels.blake3().newKeyedHasher(seed.toBytes()).update(input).finish(count * 32 + 32);
    return Arrays.copyOf(all, count * 32);
  }

  @Test
  void leavesAreTheKeyedXofOfTheWireHistorySizeAndTheRootIsTheirBalancedRoot() {
    SplittableRandom random = new SplittableRandom(10);
    for (int log2 = 1; log2 <= 12; log2++) {
      Hash seed = randomHash(random);
      HistorySize size = new HistorySize(1 + random.nextInt(1000));
      ShardCommitmentTree tree = ShardCommitmentTree.build(seed, size, log2);
      byte[] expected = naiveLeaves(seed, size.segments() - 1, 1 << log2);
      assertThat(ShardCommitmentTree.leaves(seed, size, log2)).isEqualTo(expected);
      assertThat(tree.root().toBytes()).isEqualTo(BalancedMerkleTree.root(expected));
      assertThat(ShardCommitmentTree.build(seed, size, log2, false).root()).isEqualTo(tree.root());
    }
  }

  @Test
  void everyRevealProvesAgainstTheRoot() {
    SplittableRandom random = new SplittableRandom(11);
    for (int log2 : new int[] {1, 2, 3, 4, 7}) {
      Hash seed = randomHash(random);
      ShardCommitmentTree tree = ShardCommitmentTree.build(seed, HistorySize.ONE, log2);
      byte[] leaves = ShardCommitmentTree.leaves(seed, HistorySize.ONE, log2);
      for (int i = 0; i < tree.leafCount(); i++) {
        ShardCommitment c = tree.reveal(i);
        assertThat(c.root()).isEqualTo(tree.root());
        assertThat(c.proof()).hasSize(log2);
        byte[] proof = new byte[log2 * 32];
        for (int d = 0; d < log2; d++) {
          c.proof().get(d).copyTo(proof, d * 32);
        }
        assertThat(proof).isEqualTo(BalancedMerkleTree.proof(leaves, 0, 1 << log2, i));
        assertThat(
                BalancedMerkleTree.verify(
                    tree.root().toBytes(), 1 << log2, i, c.leaf().toBytes(), proof))
            .isTrue();
      }
    }
  }

  @Test
  void anotherHistorySizeOrSeedGivesAnotherRoot() {
    Hash seed = ShardCommitmentTree.seedFromSecretKey(new byte[32]);
    assertThat(seed).isEqualTo(Hash.blake3(new byte[32]));
    Hash a = ShardCommitmentTree.build(seed, new HistorySize(5), 10).root();
    Hash b = ShardCommitmentTree.build(seed, new HistorySize(6), 10).root();
    byte[] key = new byte[32];
    key[0] = 1;
    Hash c =
        ShardCommitmentTree.build(
                ShardCommitmentTree.seedFromSecretKey(key), new HistorySize(5), 10)
            .root();
    assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void fullSizeTreeBuildsAndReveals() {
    Hash seed = ShardCommitmentTree.seedFromSecretKey(new byte[32]);
    long start = System.nanoTime();
    ShardCommitmentTree tree = ShardCommitmentTree.build(seed, new HistorySize(3), 20);
    long built = System.nanoTime();
    ShardCommitment c = tree.reveal(777_777);
    long revealed = System.nanoTime();
    System.out.printf(
        "shard commitment tree 2^20: build %d ms, reveal %d ms%n",
        (built - start) / 1_000_000, (revealed - built) / 1_000_000);
    byte[] proof = new byte[20 * 32];
    for (int d = 0; d < 20; d++) {
      c.proof().get(d).copyTo(proof, d * 32);
    }
    assertThat(
            BalancedMerkleTree.verify(
                tree.root().toBytes(), 1 << 20, 777_777, c.leaf().toBytes(), proof))
        .isTrue();
  }

  @Test
  void rootsCacheGivesTheTreeRootsAndReveals() {
    Hash seed = Hash.blake3(new byte[] {4});
    ShardCommitmentRoots roots = new ShardCommitmentRoots(seed, 6, 2);
    for (long segments = 1; segments <= 5; segments++) {
      HistorySize size = new HistorySize(segments);
      ShardCommitmentTree tree = ShardCommitmentTree.build(seed, size, 6);
      assertThat(roots.root(size)).isEqualTo(tree.root());
      assertThat(roots.root(size)).isEqualTo(tree.root());
      assertThat(roots.reveal(size, 17)).isEqualTo(tree.reveal(17));
    }
    assertThat(roots.root(HistorySize.ONE))
        .isEqualTo(ShardCommitmentTree.build(seed, HistorySize.ONE, 6).root());
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> ShardCommitmentTree.seedFromSecretKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret_key");
    Hash seed = Hash.ZERO;
    assertThatThrownBy(() -> ShardCommitmentTree.build(seed, HistorySize.ONE, 0))
        .hasMessageContaining("shard_commitment_leaves_log2");
    ShardCommitmentTree tree = ShardCommitmentTree.build(seed, HistorySize.ONE, 3);
    assertThatThrownBy(() -> tree.reveal(8)).hasMessageContaining("index");
    assertThatThrownBy(() -> tree.reveal(-1)).hasMessageContaining("index");
  }
}
