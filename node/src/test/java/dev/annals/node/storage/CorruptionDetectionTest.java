package dev.annals.node.storage;

import static dev.annals.node.storage.StorageFixtures.LEAF;
import static dev.annals.node.storage.StorageFixtures.PARAMS;
import static dev.annals.node.storage.StorageFixtures.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Hash;
import dev.annals.primitives.block.BlockHeader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionDetectionTest {
  @TempDir Path dir;

  private List<Hash> storeBlocks(int count) {
    List<Hash> roots = new ArrayList<>();
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      Hash parent = Hash.ZERO;
      for (int n = 0; n < count; n++) {
        try (BlockWrite write = storage.beginWrite()) {
          parent =
              write.putBlock(
                  StorageFixtures.header(LEAF, n, parent), StorageFixtures.body(LEAF, n));
          write.commit();
        }
        roots.add(parent);
      }
    } // close flushes the memtables into table files
    return roots;
  }

  private List<Path> files(String suffixOrPrefix) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve(NodeDatabase.DB_FOLDER))) {
      return s.filter(
              p -> {
                String name = p.getFileName().toString();
                return name.endsWith(suffixOrPrefix) || name.startsWith(suffixOrPrefix);
              })
          .sorted()
          .toList();
    }
  }

  private static void overwrite(Path file, long offset, int length) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      byte[] junk = new byte[length];
      for (int i = 0; i < length; i++) {
        junk[i] = (byte) (0xA5 ^ i);
      }
      f.write(junk);
    }
  }

  @Test
  void aValueThatDoesNotDecodeIsReportedWithColumnAndKey() {
    Hash key = hash(77);
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      try (StorageTransaction tx = storage.database().transaction()) {
        tx.putRaw(ColumnFamily.HEADERS, key.toBytes(), new byte[] {1, 2, 3});
        tx.putRaw(ColumnFamily.BEST_CHAIN, Keys.shardPrefix(LEAF), new byte[39]);
        tx.commit();
      }
      assertThatThrownBy(() -> storage.header(key))
          .isInstanceOf(DatabaseCorruptionException.class)
          .hasMessageContaining("column family 'headers'")
          .hasMessageContaining(key.toHex())
          .hasMessageContaining("truncated");
      assertThatThrownBy(() -> storage.bestChain(LEAF))
          .isInstanceOf(DatabaseCorruptionException.class)
          .hasMessageContaining("column family 'best_chain'")
          .hasMessageContaining("best_chain.root");
    }
  }

  @Test
  void aValidHeaderUnderAnotherRootIsCorruption() {
    BlockHeader header = StorageFixtures.header(LEAF, 1, Hash.ZERO);
    Hash wrongKey = hash(5);
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      try (StorageTransaction tx = storage.database().transaction()) {
        tx.put(storage.schema().headers, wrongKey, header);
        tx.commit();
      }
      assertThatThrownBy(() -> storage.header(wrongKey))
          .isInstanceOf(DatabaseCorruptionException.class)
          .hasMessageContaining(
              "stored under root " + wrongKey + " has root " + header.root(PARAMS));
    }
  }

  @Test
  void damagedTableFilesAreDetectedAndLeftAsTheyAre() throws IOException {
    List<Hash> roots = storeBlocks(40);
    List<Path> tables = files(".sst");
    assertThat(tables).isNotEmpty();
    for (Path table : tables) {
      overwrite(table, 200, 64);
    }
    List<byte[]> damaged = new ArrayList<>();
    for (Path table : tables) {
      damaged.add(Files.readAllBytes(table));
    }
    assertThatThrownBy(
            () -> {
              try (ChainStorage storage = StorageFixtures.open(dir)) {
                for (Hash root : roots) {
                  storage.header(root);
                  storage.body(root);
                }
                storage.database().verifyChecksums();
              }
            })
        .isInstanceOf(DatabaseCorruptionException.class)
        .hasMessageContaining("is damaged")
        .hasMessageContaining("was not changed");
    for (int i = 0; i < tables.size(); i++) {
      assertThat(Files.readAllBytes(tables.get(i)))
          .as("%s untouched", tables.get(i))
          .isEqualTo(damaged.get(i));
    }
  }

  @Test
  void verifyChecksumsFindsDamageThatNoReadTouched() throws IOException {
    storeBlocks(40);
    List<Path> tables = files(".sst");
    // The last table file written; its data blocks start at offset 0.
    overwrite(tables.getLast(), 0, 32);
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      assertThatThrownBy(() -> storage.database().verifyChecksums())
          .isInstanceOf(DatabaseCorruptionException.class)
          .hasMessageContaining("verify checksums");
    } catch (DatabaseCorruptionException atOpen) {
      // Opening reads every table's footer and index; damage there already fails the open.
      assertThat(atOpen).hasMessageContaining("is damaged");
    }
  }

  @Test
  void aDamagedManifestFailsTheOpen() throws IOException {
    storeBlocks(5);
    List<Path> manifests = files("MANIFEST-");
    assertThat(manifests).hasSize(1);
    Path manifest = manifests.getFirst();
    overwrite(manifest, Files.size(manifest) / 3, 48);
    assertThatThrownBy(() -> StorageFixtures.open(dir))
        .isInstanceOf(DatabaseCorruptionException.class)
        .hasMessageContaining("is damaged");
  }

  @Test
  void aMissingCurrentFileIsCorruptionNotAFreshDatabase() throws IOException {
    storeBlocks(1);
    Files.delete(dir.resolve(NodeDatabase.DB_FOLDER).resolve("CURRENT"));
    assertThatThrownBy(() -> StorageFixtures.open(dir))
        .isInstanceOf(DatabaseCorruptionException.class)
        .hasMessageContaining("no CURRENT file");
    assertThat(dir.resolve(NodeDatabase.DB_FOLDER).resolve("CURRENT")).doesNotExist();
  }
}
