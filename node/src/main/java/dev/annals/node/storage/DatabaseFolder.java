package dev.annals.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** What a database folder holds before RocksDB opens it: nothing, a database, or damage. */
final class DatabaseFolder {
  private DatabaseFolder() {}

  /** Whether {@code path} holds a database; a folder with files but no CURRENT is damaged. */
  static boolean exists(Path path) {
    if (Files.isRegularFile(path.resolve("CURRENT"))) {
      return true;
    }
    if (!Files.isDirectory(path)) {
      if (Files.exists(path)) {
        throw new StorageException("database " + path + ": exists but is not a directory");
      }
      return false;
    }
    try (Stream<Path> entries = Files.list(path)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
      if (names.isEmpty()) {
        return false;
      }
      throw RocksDbErrors.corruption(
          path, "it has files " + names + " but no CURRENT file naming its MANIFEST", null);
    } catch (IOException e) {
      throw new StorageException("database " + path + ": cannot list: " + e.getMessage(), e);
    }
  }

  /**
   * Checks that the database has exactly this schema's column families: a missing one is damage, an
   * unknown one means another version of Annals wrote it.
   */
  static void checkFamilies(Path path) {
    List<byte[]> names;
    try (Options options = new Options()) {
      names = RocksDB.listColumnFamilies(options, path.toString());
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(path, "list column families", e);
    }
    Set<String> present = new LinkedHashSet<>();
    for (byte[] name : names) {
      present.add(new String(name, StandardCharsets.US_ASCII));
    }
    present.remove(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.US_ASCII));
    for (ColumnFamily family : ColumnFamily.values()) {
      if (!present.remove(family.familyName())) {
        throw RocksDbErrors.corruption(
            path, "column family '" + family.familyName() + "' is missing", null);
      }
    }
    if (!present.isEmpty()) {
      throw new DatabaseMismatchException(
          "database "
              + path
              + " has column families "
              + present
              + " that schema version "
              + NodeDatabase.SCHEMA_VERSION
              + " does not know; it was written by another version of Annals");
    }
  }
}
