package dev.annals.node.storage;

import dev.annals.kernel.Blake3Hasher;
import dev.annals.kernel.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The one RocksDB database of a node data directory (in its {@code db} folder), with typed reads
 * and atomic write batches ({@link StorageTransaction}). Thread-safe. Opening checks that the
 * directory was made for the same chain spec, preset and schema, and that no column family is
 * missing; damage found by RocksDB or by a value's codec is reported as {@link
 * DatabaseCorruptionException} and never repaired.
 *
 * <p>{@link #close} is idempotent: it flushes the memtables, syncs the WAL and closes every native
 * handle; operations after it fail with {@link IllegalStateException}. {@link #openReadOnly} gives
 * a lock-free reader for tools.
 */
public final class NodeDatabase implements AutoCloseable {
  /** Bumped whenever a key or value layout of docs/storage.md changes. */
  public static final int SCHEMA_VERSION = 2;

  static final String DB_FOLDER = "db";
  static final String KEY_SCHEMA_VERSION = "schema_version";
  static final String KEY_CHAIN_SPEC_DIGEST = "chain_spec_digest";
  static final String KEY_PRESET_DIGEST = "preset_digest";
  static final String KEY_CHAIN_NAME = "chain_name";
  static final String KEY_CHAIN_SPEC = "chain_spec";

  static final Column<String, byte[]> METADATA =
      new Column<>(ColumnFamily.METADATA, Codecs.ASCII, Codecs.RAW);

  static {
    RocksDB.loadLibrary();
  }

  private final Path path;
  private final NativeHandles handles;
  private final RocksDbOptions options;
  private final RocksDB db;
  private final Map<ColumnFamily, ColumnFamilyHandle> families;
  private final boolean readOnly;
  private final boolean isNew;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private NodeDatabase(
      Path path,
      NativeHandles handles,
      RocksDbOptions options,
      RocksDB db,
      Map<ColumnFamily, ColumnFamilyHandle> families,
      boolean readOnly,
      boolean isNew) {
    this.path = path;
    this.handles = handles;
    this.options = options;
    this.db = db;
    this.families = families;
    this.readOnly = readOnly;
    this.isNew = isNew;
  }

  /**
   * Opens the database of {@code dataDir}, creating it (and the directory) when there is none.
   *
   * @throws DatabaseMismatchException the directory belongs to another chain spec, preset or schema
   * @throws DatabaseCorruptionException the database is damaged
   * @throws StorageException any other failure (I/O, directory locked by another process)
   */
  public static NodeDatabase open(Path dataDir, DatabaseIdentity identity, StorageConfig config) {
    NodeDatabase database = open(dataDir, config, false);
    try {
      DatabaseMetadata metadata = new DatabaseMetadata(database);
      if (database.isNew) {
        metadata.write(identity);
        database.syncWal();
      } else {
        metadata.check(identity);
      }
      return database;
    } catch (RuntimeException e) {
      try {
        database.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * Opens an existing database for reading only, without taking its lock: tools use it while a node
   * runs on the directory, and see what was committed when they opened it. No identity is compared
   * ({@link #storedIdentity} tells what the directory was made for); writes are refused.
   */
  public static NodeDatabase openReadOnly(Path dataDir, StorageConfig config) {
    if (!Files.isRegularFile(dataDir.resolve(DB_FOLDER).resolve("CURRENT"))) {
      DatabaseFolder.exists(dataDir.resolve(DB_FOLDER));
      throw new StorageException(
          "data directory " + dataDir + " has no database (no " + DB_FOLDER + "/CURRENT)");
    }
    return open(dataDir, config, true);
  }

  private static NodeDatabase open(Path dataDir, StorageConfig config, boolean readOnly) {
    Path path = dataDir.resolve(DB_FOLDER);
    boolean exists = DatabaseFolder.exists(path);
    NativeHandles handles = new NativeHandles();
    try {
      if (exists) {
        DatabaseFolder.checkFamilies(path);
      } else {
        Files.createDirectories(path);
      }
      RocksDbOptions options = new RocksDbOptions(config, handles, !exists);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(
          new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, options.defaultFamily));
      for (ColumnFamily family : ColumnFamily.values()) {
        descriptors.add(
            new ColumnFamilyDescriptor(family.nameBytes(), options.families.get(family)));
      }
      List<ColumnFamilyHandle> opened = new ArrayList<>();
      RocksDB db;
      try {
        db =
            readOnly
                ? RocksDB.openReadOnly(options.db, path.toString(), descriptors, opened)
                : RocksDB.open(options.db, path.toString(), descriptors, opened);
      } catch (RocksDBException e) {
        throw RocksDbErrors.translate(path, "open", e);
      }
      // The database must close before the options it was opened with, after its family handles.
      handles.track(db::closeE);
      Map<ColumnFamily, ColumnFamilyHandle> families = new EnumMap<>(ColumnFamily.class);
      for (int i = 0; i < opened.size(); i++) {
        ColumnFamilyHandle handle = handles.track(opened.get(i));
        if (i > 0) {
          families.put(ColumnFamily.values()[i - 1], handle);
        }
      }
      return new NodeDatabase(path, handles, options, db, families, readOnly, !exists);
    } catch (IOException e) {
      handles.close();
      throw new StorageException("database " + path + ": cannot create: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      try {
        handles.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** What the directory was made for, as its metadata says (checked like on open). */
  public DatabaseIdentity storedIdentity() {
    return new DatabaseMetadata(this).stored();
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  /** The database folder ({@code <data dir>/db}). */
  public Path path() {
    return path;
  }

  /** The value stored under {@code key}, decoded; a value that does not decode is corruption. */
  public <K, V> Optional<V> get(Column<K, V> column, K key) {
    byte[] keyBytes = column.keys().encode(key);
    byte[] value = getRaw(column.family(), keyBytes);
    return value == null ? Optional.empty() : Optional.of(decode(column, keyBytes, value));
  }

  /** Whether a value is stored under {@code key}, without decoding it. */
  public <K, V> boolean contains(Column<K, V> column, K key) {
    return getRaw(column.family(), column.keys().encode(key)) != null;
  }

  byte[] getRaw(ColumnFamily family, byte[] key) {
    lock.readLock().lock();
    try {
      checkOpen();
      return db.get(families.get(family), key);
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(path, "read " + family.familyName(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Visits the entries whose encoded key starts with {@code prefix}, in key order, while {@code
   * visitor} returns true.
   */
  public <K, V> void scan(Column<K, V> column, byte[] prefix, BiPredicate<K, V> visitor) {
    scanFrom(column, prefix, prefix, visitor);
  }

  /**
   * Like {@link #scan}, starting at the first key at or after {@code start} (which should start
   * with {@code prefix}).
   */
  public <K, V> void scanFrom(
      Column<K, V> column, byte[] prefix, byte[] start, BiPredicate<K, V> visitor) {
    lock.readLock().lock();
    try (RocksIterator it = newIterator(column.family())) {
      for (it.seek(start); it.isValid(); it.next()) {
        byte[] key = it.key();
        if (!startsWith(key, prefix)) {
          break;
        }
        if (!visitor.test(decodeKey(column, key), decode(column, key, it.value()))) {
          break;
        }
      }
      checkIterator(it, column.family());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The entry with the greatest key that starts with {@code prefix}. */
  public <K, V> Optional<KeyValue<K, V>> last(Column<K, V> column, byte[] prefix) {
    lock.readLock().lock();
    try (RocksIterator it = newIterator(column.family())) {
      byte[] upper = successor(prefix);
      if (upper == null) {
        it.seekToLast();
      } else {
        it.seekForPrev(upper);
        if (it.isValid() && Arrays.equals(it.key(), upper)) {
          it.prev();
        }
      }
      checkIterator(it, column.family());
      if (!it.isValid() || !startsWith(it.key(), prefix)) {
        return Optional.empty();
      }
      byte[] key = it.key();
      return Optional.of(new KeyValue<>(decodeKey(column, key), decode(column, key, it.value())));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * A BLAKE3 digest of every entry of {@code family} in key order (each as key length u32 LE ‖ key
   * ‖ value length u32 LE ‖ value): equal digests mean equal contents. For checks that an operation
   * changed nothing; reads the whole family.
   */
  public byte[] contentDigest(ColumnFamily family) {
    lock.readLock().lock();
    try (RocksIterator it = newIterator(family)) {
      Blake3Hasher hasher = Kernels.blake3().newHasher();
      for (it.seekToFirst(); it.isValid(); it.next()) {
        for (byte[] part : new byte[][] {it.key(), it.value()}) {
          hasher.update(Codecs.u32Le(part.length)).update(part);
        }
      }
      checkIterator(it, family);
      return hasher.finish(32);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Counts the entries whose key starts with {@code prefix} without decoding values. */
  public long count(ColumnFamily family, byte[] prefix) {
    lock.readLock().lock();
    try (RocksIterator it = newIterator(family)) {
      long n = 0;
      for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
        n++;
      }
      checkIterator(it, family);
      return n;
    } finally {
      lock.readLock().unlock();
    }
  }

  private RocksIterator newIterator(ColumnFamily family) {
    checkOpen();
    return db.newIterator(families.get(family));
  }

  private void checkIterator(RocksIterator it, ColumnFamily family) {
    try {
      it.status();
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(path, "iterate " + family.familyName(), e);
    }
  }

  /** A new atomic write batch; nothing of it is visible until {@link StorageTransaction#commit}. */
  public StorageTransaction transaction() {
    checkOpen();
    if (readOnly) {
      throw new IllegalStateException("database " + path + " is open read-only");
    }
    return new StorageTransaction(this, new WriteBatch());
  }

  void write(WriteBatch batch) {
    lock.readLock().lock();
    try {
      checkOpen();
      db.write(options.write, batch);
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(path, "write batch", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  ColumnFamilyHandle handle(ColumnFamily family) {
    return families.get(family);
  }

  /**
   * Reads every table and blob file and checks its checksums (slow: proportional to the database
   * size). Throws {@link DatabaseCorruptionException} at the first bad block.
   */
  public void verifyChecksums() {
    lock.readLock().lock();
    try {
      checkOpen();
      db.verifyChecksum();
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(path, "verify checksums", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Writes the memtables to table files (tests use it to put data on disk before damaging it). */
  public void flush() {
    lock.readLock().lock();
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      checkOpen();
      if (readOnly) {
        throw new IllegalStateException("database " + path + " is open read-only");
      }
      db.flush(flush, new ArrayList<>(families.values()));
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(path, "flush", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void syncWal() {
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      throw RocksDbErrors.translate(path, "sync WAL", e);
    }
  }

  public boolean isClosed() {
    lock.readLock().lock();
    try {
      return closed;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Flushes, syncs the WAL and closes every native handle; a second call does nothing. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      RuntimeException failure = null;
      if (!readOnly) {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
          db.flush(flush, new ArrayList<>(families.values()));
          db.syncWal();
        } catch (RocksDBException e) {
          failure = RocksDbErrors.translate(path, "flush and sync on close", e);
        }
      }
      try {
        handles.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("database " + path + " is closed");
    }
  }

  private <K, V> V decode(Column<K, V> column, byte[] key, byte[] value) {
    try {
      return column.values().decode(value);
    } catch (IllegalArgumentException e) {
      throw RocksDbErrors.corruption(
          path,
          "the value under key "
              + HexFormat.of().formatHex(key)
              + " in column family '"
              + column.family().familyName()
              + "' does not decode: "
              + e.getMessage(),
          e);
    }
  }

  private <K, V> K decodeKey(Column<K, V> column, byte[] key) {
    try {
      return column.keys().decode(key);
    } catch (IllegalArgumentException e) {
      throw RocksDbErrors.corruption(
          path,
          "the key "
              + HexFormat.of().formatHex(key)
              + " in column family '"
              + column.family().familyName()
              + "' does not decode: "
              + e.getMessage(),
          e);
    }
  }

  DatabaseCorruptionException corruption(String what) {
    return RocksDbErrors.corruption(path, what, null);
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** The smallest byte string greater than every string starting with {@code prefix}. */
  private static byte[] successor(byte[] prefix) {
    byte[] out = prefix.clone();
    for (int i = out.length - 1; i >= 0; i--) {
      if (out[i] != (byte) 0xFF) {
        out[i]++;
        return Arrays.copyOf(out, i + 1);
      }
    }
    return null;
  }
}
