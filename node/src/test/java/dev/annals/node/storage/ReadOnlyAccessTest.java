package dev.annals.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecJson;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.ShardIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyAccessTest {
  @TempDir Path dir;

  @Test
  void aToolReadsWhileTheNodeHoldsTheDatabaseAndLearnsTheChainFromIt() {
    ChainSpec devnet = ChainSpecs.builtIn("devnet");
    GenesisBlocks genesis = new GenesisBlocks(devnet);
    ShardIndex leaf = devnet.numShards().leafShardIndices().getLast();
    try (ChainStorage node = ChainStorage.open(dir, devnet, StorageFixtures.CONFIG)) {
      GenesisWriter.ensure(node, genesis);
      try (BlockWrite write = node.beginWrite()) {
        write.setBestChain(leaf, new ChainHead(new BlockNumber(5), StorageFixtures.hash(5)));
        write.commit();
      }
      try (ChainStorage tool = ChainStorage.openReadOnly(dir, StorageFixtures.CONFIG)) {
        assertThat(tool.database().isReadOnly()).isTrue();
        assertThat(tool.chainSpec()).contains(devnet);
        assertThat(tool.params()).isEqualTo(devnet.parameters());
        assertThat(tool.bestChain(leaf))
            .contains(new ChainHead(new BlockNumber(5), StorageFixtures.hash(5)));
        assertThat(tool.header(genesis.beacon().root())).contains(genesis.beacon().header());
        assertThatThrownBy(tool::beginWrite)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("read-only");
      }
      // The node goes on writing after the tool closed.
      try (BlockWrite write = node.beginWrite()) {
        write.setBestChain(leaf, new ChainHead(new BlockNumber(6), StorageFixtures.hash(6)));
        write.commit();
      }
      assertThat(node.bestChain(leaf).orElseThrow().number()).isEqualTo(new BlockNumber(6));
    }
    try (ChainStorage tool = ChainStorage.openReadOnly(dir, StorageFixtures.CONFIG)) {
      assertThat(tool.bestChain(leaf).orElseThrow().number()).isEqualTo(new BlockNumber(6));
    }
  }

  @Test
  void aDirectoryWithoutADatabaseIsNotCreatedByAReader() {
    assertThatThrownBy(() -> ChainStorage.openReadOnly(dir, StorageFixtures.CONFIG))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("has no database");
    assertThat(dir.resolve(NodeDatabase.DB_FOLDER)).doesNotExist();
  }

  @Test
  void aDatabaseWithoutItsChainSpecCannotBeReadWithoutOne() {
    StorageFixtures.open(dir).close();
    assertThatThrownBy(() -> ChainStorage.openReadOnly(dir, StorageFixtures.CONFIG))
        .isInstanceOf(DatabaseMismatchException.class)
        .hasMessageContaining("does not hold its chain spec (chain 'test'");
  }

  @Test
  void aStoredSpecThatDisagreesWithTheStoredDigestIsCorruption() {
    ChainSpec devnet = ChainSpecs.builtIn("devnet");
    ChainSpec other = ChainSpecs.builtIn("dev");
    ChainStorage.open(dir, devnet, StorageFixtures.CONFIG).close();
    try (NodeDatabase db =
            NodeDatabase.open(
                dir,
                new DatabaseIdentity(devnet.name(), devnet.digest(), devnet.parameters().digest()),
                StorageFixtures.CONFIG);
        StorageTransaction tx = db.transaction()) {
      tx.put(
          NodeDatabase.METADATA,
          NodeDatabase.KEY_CHAIN_SPEC,
          ChainSpecJson.write(other).getBytes(StandardCharsets.UTF_8));
      tx.commit();
    }
    assertThatThrownBy(() -> ChainStorage.openReadOnly(dir, StorageFixtures.CONFIG))
        .isInstanceOf(DatabaseCorruptionException.class)
        .hasMessageContaining("the stored chain spec has digest " + other.digest())
        .hasMessageContaining("stored chain spec digest is " + devnet.digest());
  }
}
