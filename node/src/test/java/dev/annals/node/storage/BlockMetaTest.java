package dev.annals.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.consensus.range.BlockWeight;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.Hash;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockMetaTest {
  @TempDir Path dir;

  @Test
  void childMetasSumWeightsAndExtendTheMmr() {
    Hash genesis = StorageFixtures.hash(0);
    BlockMeta meta = BlockMeta.genesis(genesis);
    byte[] roots = genesis.toBytes();
    BlockWeight expected = BlockWeight.ZERO;
    for (int n = 1; n <= 40; n++) {
      Hash root = StorageFixtures.hash(n);
      BlockWeight weight = BlockWeight.of(-1L - n);
      meta = meta.child(root, weight);
      expected = expected.plus(weight);
      roots = Arrays.copyOf(roots, roots.length + Hash.SIZE);
      root.copyTo(roots, n * Hash.SIZE);
      assertThat(meta.cumulativeWeight()).isEqualTo(expected);
      assertThat(meta.mmrRoot().toBytes()).isEqualTo(UnbalancedMerkleTree.root(roots, 0, n + 1));
      assertThat(BlockMeta.CODEC.decode(BlockMeta.CODEC.encode(meta))).isEqualTo(meta);
    }
    assertThat(meta.cumulativeWeight().high()).isEqualTo(39);
  }

  @Test
  void storedUnderTheRootAndVisibleInTheFamilyDigest() {
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      byte[] before = storage.database().contentDigest(ColumnFamily.BLOCK_META);
      Hash root = StorageFixtures.hash(7);
      BlockMeta meta = BlockMeta.genesis(root);
      try (BlockWrite write = storage.beginWrite()) {
        write.putBlockMeta(root, meta);
        // Not committed: nothing changes.
      }
      assertThat(storage.database().contentDigest(ColumnFamily.BLOCK_META)).isEqualTo(before);
      try (BlockWrite write = storage.beginWrite()) {
        write.putBlockMeta(root, meta);
        write.commit();
      }
      assertThat(storage.blockMeta(root)).contains(meta);
      assertThat(storage.database().contentDigest(ColumnFamily.BLOCK_META)).isNotEqualTo(before);
    }
  }

  @Test
  void badValuesAreRefused() {
    byte[] encoded = BlockMeta.CODEC.encode(BlockMeta.genesis(StorageFixtures.hash(1)));
    assertThatThrownBy(() -> BlockMeta.CODEC.decode(Arrays.copyOf(encoded, encoded.length - 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block_meta.mmr_peaks");
    byte[] zeroLeaves = encoded.clone();
    Arrays.fill(zeroLeaves, 16, 24, (byte) 0);
    assertThatThrownBy(() -> BlockMeta.CODEC.decode(zeroLeaves))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mmr_leaf_count");
    assertThatThrownBy(() -> new BlockMeta(BlockWeight.ZERO, 3, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 MMR leaves need 2 peaks");
  }
}
