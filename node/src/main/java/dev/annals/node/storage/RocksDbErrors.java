package dev.annals.node.storage;

import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Maps RocksDB's status codes to the storage exceptions, with the database path and the action. */
final class RocksDbErrors {
  private RocksDbErrors() {}

  static StorageException translate(Path path, String action, RocksDBException e) {
    Status status = e.getStatus();
    Status.Code code = status == null ? Status.Code.Undefined : status.getCode();
    String detail = e.getMessage();
    if (code == Status.Code.Corruption) {
      return corruption(path, action + ": " + detail, e);
    }
    if (code == Status.Code.IOError && detail != null && detail.contains("lock")) {
      return new StorageException(
          "database "
              + path
              + " is in use by another process or instance (lock held): "
              + detail
              + "; stop it first",
          e);
    }
    return new StorageException(
        "database " + path + ": " + action + " failed (" + code + "): " + detail, e);
  }

  static DatabaseCorruptionException corruption(Path path, String what, Throwable cause) {
    return new DatabaseCorruptionException(
        "database "
            + path
            + " is damaged: "
            + what
            + ". It was not changed; restore a backup or resync into an empty data directory.",
        cause);
  }
}
