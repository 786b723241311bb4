package dev.annals.node.storage;

/**
 * The database is damaged: RocksDB found a bad checksum or a broken file, a column family is
 * missing, or a stored value does not decode. Nothing is repaired automatically; the operator
 * decides (restore a backup, resync into a fresh data directory).
 */
public final class DatabaseCorruptionException extends StorageException {
  public DatabaseCorruptionException(String message) {
    super(message);
  }

  public DatabaseCorruptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
