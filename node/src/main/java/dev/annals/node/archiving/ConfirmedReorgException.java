package dev.annals.node.archiving;

/**
 * A chain that disagrees with a block its shard already archived: a re-org below the confirmation
 * depth, which by definition does not happen. The archiver cannot unarchive, so it refuses.
 */
public final class ConfirmedReorgException extends IllegalStateException {
  public ConfirmedReorgException(String message) {
    super(message);
  }
}
