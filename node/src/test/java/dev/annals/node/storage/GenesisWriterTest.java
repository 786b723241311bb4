package dev.annals.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlock;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.ShardIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisWriterTest {
  @TempDir Path dir;

  @Test
  void genesisIsWrittenOnceForEveryShardAndCheckedOnReopen() {
    ChainSpec devnet = ChainSpecs.builtIn("devnet");
    GenesisBlocks genesis = new GenesisBlocks(devnet);
    try (ChainStorage storage = ChainStorage.open(dir, devnet, StorageFixtures.CONFIG)) {
      assertThat(GenesisWriter.ensure(storage, genesis)).isTrue();
      assertThat(GenesisWriter.ensure(storage, genesis)).isFalse();
    }
    try (ChainStorage storage = ChainStorage.open(dir, devnet, StorageFixtures.CONFIG)) {
      assertThat(GenesisWriter.ensure(storage, genesis)).isFalse();
      for (GenesisBlock block : genesis.all()) {
        ShardIndex shard = block.header().prefix().shardIndex();
        assertThat(storage.bestChain(shard))
            .contains(new ChainHead(BlockNumber.ZERO, block.root()));
        assertThat(storage.header(block.root())).contains(block.header());
        assertThat(storage.body(block.root())).contains(block.body());
      }
    }
  }

  @Test
  void aDataDirectoryOfAnotherSpecIsRefusedAtOpen() {
    ChainSpec devnet = ChainSpecs.builtIn("devnet");
    ChainSpec dev = ChainSpecs.builtIn("dev");
    ChainStorage.open(dir, devnet, StorageFixtures.CONFIG).close();
    assertThatThrownBy(() -> ChainStorage.open(dir, dev, StorageFixtures.CONFIG))
        .isInstanceOf(DatabaseMismatchException.class)
        .hasMessageContaining("chain spec 'devnet' with digest " + devnet.digest())
        .hasMessageContaining("chain spec 'dev' with digest " + dev.digest());
  }

  @Test
  void aForeignGenesisUnderTheSameIdentityIsRefused() {
    ChainSpec devnet = ChainSpecs.builtIn("devnet");
    GenesisBlocks genesis = new GenesisBlocks(devnet);
    try (ChainStorage storage = ChainStorage.open(dir, devnet, StorageFixtures.CONFIG)) {
      try (BlockWrite write = storage.beginWrite()) {
        // Another beacon block at number 0, as an older build might have written.
        write.putBlock(
            StorageFixtures.header(ShardIndex.BEACON, 0, StorageFixtures.hash(1)),
            StorageFixtures.body(ShardIndex.BEACON, 0));
        write.commit();
      }
      assertThatThrownBy(() -> GenesisWriter.ensure(storage, genesis))
          .isInstanceOf(DatabaseMismatchException.class)
          .hasMessageContaining(
              "for shard 0, this build derives genesis " + genesis.beacon().root());
    }
  }
}
