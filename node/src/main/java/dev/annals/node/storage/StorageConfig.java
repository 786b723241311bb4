package dev.annals.node.storage;

/**
 * Tuning knobs of a node database.
 *
 * @param blockCacheBytes shared LRU cache of uncompressed blocks, index and filter blocks
 * @param writeBufferBytes total memtable budget over all column families (charged to the cache)
 * @param syncWrites fsync the WAL on every commit: survives power loss, at a large cost per block;
 *     without it a killed process still loses nothing that was committed (the OS has the WAL)
 */
public record StorageConfig(long blockCacheBytes, long writeBufferBytes, boolean syncWrites) {
  public static final StorageConfig DEFAULT = new StorageConfig(128L << 20, 64L << 20, false);

  public StorageConfig {
    if (blockCacheBytes < (1 << 20)) {
      throw new IllegalArgumentException(
          "storage.block_cache_bytes: must be at least 1 MiB (value " + blockCacheBytes + ")");
    }
    if (writeBufferBytes < (1 << 20) || writeBufferBytes > blockCacheBytes) {
      throw new IllegalArgumentException(
          "storage.write_buffer_bytes: must be in 1 MiB..=block_cache_bytes (value "
              + writeBufferBytes
              + ")");
    }
  }
}
