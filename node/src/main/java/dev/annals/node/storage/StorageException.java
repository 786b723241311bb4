package dev.annals.node.storage;

/** A storage operation failed: an I/O error, a locked data directory, a closed database. */
public class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
