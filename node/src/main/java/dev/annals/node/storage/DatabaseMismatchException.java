package dev.annals.node.storage;

/**
 * The data directory belongs to another chain spec, preset or storage schema than the node was
 * started with; it is left untouched.
 */
public final class DatabaseMismatchException extends StorageException {
  public DatabaseMismatchException(String message) {
    super(message);
  }
}
