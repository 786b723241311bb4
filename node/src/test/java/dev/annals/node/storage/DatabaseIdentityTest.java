package dev.annals.node.storage;

import static dev.annals.node.storage.StorageFixtures.CONFIG;
import static dev.annals.node.storage.StorageFixtures.IDENTITY;
import static dev.annals.node.storage.StorageFixtures.LEAF;
import static dev.annals.node.storage.StorageFixtures.PARAMS;
import static dev.annals.node.storage.StorageFixtures.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.params.ProtocolParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class DatabaseIdentityTest {
  @TempDir Path dir;

  private void createWithOneBlock() {
    try (ChainStorage storage = StorageFixtures.open(dir);
        BlockWrite write = storage.beginWrite()) {
      write.setBestChain(LEAF, new ChainHead(new BlockNumber(3), hash(3)));
      write.commit();
    }
  }

  private void assertStillOpensUnchanged() {
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      assertThat(storage.bestChain(LEAF)).contains(new ChainHead(new BlockNumber(3), hash(3)));
    }
  }

  @Test
  void anotherChainSpecIsRefusedNamingBothDigests() {
    createWithOneBlock();
    Hash other = Hash.blake3(new byte[] {9});
    DatabaseIdentity devnet = new DatabaseIdentity("devnet", other, PARAMS.digest());
    assertThatThrownBy(() -> ChainStorage.open(dir, devnet, PARAMS, CONFIG))
        .isInstanceOf(DatabaseMismatchException.class)
        .hasMessageContaining("chain spec 'test' with digest " + IDENTITY.chainSpecDigest())
        .hasMessageContaining("chain spec 'devnet' with digest " + other);
    assertStillOpensUnchanged();
  }

  @Test
  void anotherPresetIsRefusedNamingBothDigests() {
    createWithOneBlock();
    ProtocolParameters production = ProtocolParameters.PRODUCTION;
    DatabaseIdentity identity =
        new DatabaseIdentity("test", IDENTITY.chainSpecDigest(), production.digest());
    assertThatThrownBy(() -> ChainStorage.open(dir, identity, production, CONFIG))
        .isInstanceOf(DatabaseMismatchException.class)
        .hasMessageContaining("protocol parameters digest " + PARAMS.digest())
        .hasMessageContaining("runs with digest " + production.digest());
    assertStillOpensUnchanged();
  }

  @Test
  void identityWhosePresetDigestIsNotTheParametersIsAProgrammingError() {
    DatabaseIdentity wrong =
        new DatabaseIdentity(
            "test", IDENTITY.chainSpecDigest(), ProtocolParameters.PRODUCTION.digest());
    assertThatThrownBy(() -> ChainStorage.open(dir, wrong, PARAMS, CONFIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("preset digest");
  }

  @Test
  void anotherSchemaVersionIsRefused() {
    createWithOneBlock();
    try (NodeDatabase db = NodeDatabase.open(dir, IDENTITY, CONFIG);
        StorageTransaction tx = db.transaction()) {
      tx.putRaw(
          ColumnFamily.METADATA,
          NodeDatabase.KEY_SCHEMA_VERSION.getBytes(StandardCharsets.US_ASCII),
          Codecs.u32Le(NodeDatabase.SCHEMA_VERSION + 1));
      tx.commit();
    }
    assertThatThrownBy(() -> StorageFixtures.open(dir))
        .isInstanceOf(DatabaseMismatchException.class)
        .hasMessageContaining("storage schema version " + (NodeDatabase.SCHEMA_VERSION + 1))
        .hasMessageContaining("reads version " + NodeDatabase.SCHEMA_VERSION);
  }

  @Test
  void aColumnFamilyThisVersionDoesNotKnowIsRefused() throws Exception {
    createWithOneBlock();
    withRawDatabase(
        (db, handles) -> {
          try (var options = new ColumnFamilyOptions()) {
            db.createColumnFamily(
                    new ColumnFamilyDescriptor(
                        "from_the_future".getBytes(StandardCharsets.US_ASCII), options))
                .close();
          }
        });
    assertThatThrownBy(() -> StorageFixtures.open(dir))
        .isInstanceOf(DatabaseMismatchException.class)
        .hasMessageContaining("[from_the_future]");
  }

  @Test
  void aMissingColumnFamilyIsCorruption() throws Exception {
    createWithOneBlock();
    withRawDatabase(
        (db, handles) -> {
          for (ColumnFamilyHandle h : handles) {
            if (new String(h.getName(), StandardCharsets.US_ASCII).equals("pieces")) {
              db.dropColumnFamily(h);
            }
          }
        });
    assertThatThrownBy(() -> StorageFixtures.open(dir))
        .isInstanceOf(DatabaseCorruptionException.class)
        .hasMessageContaining("column family 'pieces' is missing")
        .hasMessageContaining("was not changed");
  }

  @Test
  void missingMetadataIsCorruption() {
    createWithOneBlock();
    try (NodeDatabase db = NodeDatabase.open(dir, IDENTITY, CONFIG);
        StorageTransaction tx = db.transaction()) {
      tx.delete(NodeDatabase.METADATA, NodeDatabase.KEY_CHAIN_SPEC_DIGEST);
      tx.commit();
    }
    assertThatThrownBy(() -> StorageFixtures.open(dir))
        .isInstanceOf(DatabaseCorruptionException.class)
        .hasMessageContaining("metadata entry 'chain_spec_digest' is missing");
  }

  interface RawAction {
    void run(RocksDB db, List<ColumnFamilyHandle> handles) throws Exception;
  }

  /**
   * Opens the database with plain RocksDB, all its column families, to change what Annals would
   * not.
   */
  private void withRawDatabase(RawAction action) throws Exception {
    String path = dir.resolve(NodeDatabase.DB_FOLDER).toString();
    List<byte[]> names;
    try (var options = new Options()) {
      names = RocksDB.listColumnFamilies(options, path);
    }
    try (var cfOptions = new ColumnFamilyOptions();
        DBOptions dbOptions = new DBOptions()) {
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDB db = RocksDB.open(dbOptions, path, descriptors, handles)) {
        action.run(db, handles);
        for (ColumnFamilyHandle h : handles) {
          h.close();
        }
      }
    }
  }
}
