package dev.annals.node.storage;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One atomic write: puts and deletes collect in a RocksDB write batch and reach the database in a
 * single write on {@link #commit}, all or nothing, also across column families and across a crash
 * (the batch is one WAL record). Closing without committing discards everything. Reads do not see
 * the batch's own writes. Not thread-safe; use one per thread, in try-with-resources.
 */
public final class StorageTransaction implements AutoCloseable {
  private final NodeDatabase database;
  private final WriteBatch batch;
  private boolean committed;
  private boolean closed;

  StorageTransaction(NodeDatabase database, WriteBatch batch) {
    this.database = database;
    this.batch = batch;
  }

  public <K, V> StorageTransaction put(Column<K, V> column, K key, V value) {
    return putRaw(column.family(), column.keys().encode(key), column.values().encode(value));
  }

  public <K, V> StorageTransaction delete(Column<K, V> column, K key) {
    checkWritable();
    try {
      batch.delete(database.handle(column.family()), column.keys().encode(key));
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(database.path(), "add delete to batch", e);
    }
    return this;
  }

  /** Bypasses the codecs; only tests use it, to store what a codec would never produce. */
  StorageTransaction putRaw(ColumnFamily family, byte[] key, byte[] value) {
    checkWritable();
    try {
      batch.put(database.handle(family), key, value);
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(database.path(), "add put to batch", e);
    }
    return this;
  }

  /** Entries in the batch so far. */
  public int size() {
    checkOpen();
    return batch.count();
  }

  /** Writes the whole batch at once. A transaction commits at most once. */
  public void commit() {
    checkWritable();
    database.write(batch);
    committed = true;
  }

  public boolean isCommitted() {
    return committed;
  }

  /** Frees the batch; without a commit before, nothing was written. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      batch.close();
    }
  }

  private void checkWritable() {
    checkOpen();
    if (committed) {
      throw new IllegalStateException("transaction: already committed");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("transaction: closed");
    }
  }
}
