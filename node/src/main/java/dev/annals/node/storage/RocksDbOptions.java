package dev.annals.node.storage;

import java.util.EnumMap;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ChecksumType;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The tuned options of a node database; every native object is registered with the {@link
 * NativeHandles} given, which closes them after the database.
 *
 * <p>Choices and why:
 *
 * <ul>
 *   <li>One LRU block cache shared by all column families, and one write buffer manager charging
 *       memtables to it, so memory is bounded by {@link StorageConfig} however many families.
 *   <li>Point-lookup families (keyed by hashes and indices): 10-bit bloom filters, index and filter
 *       blocks in the cache, L0 ones pinned, so a miss costs no disk read.
 *   <li>Ordered families (scanned per shard): no bloom filter (it does not help range scans).
 *   <li>Pieces: BlobDB (values of 4 KiB and more go into blob files, so compactions move only
 *       keys), no compression (erasure-coded records do not compress), blob garbage collection.
 *   <li>XXH3 block checksums, verified on every read; paranoid checks; all table files opened at
 *       start-up ({@code max_open_files = -1}) so a broken file fails the open, not a later read.
 *   <li>WAL recovery tolerates only an incomplete record at the tail (a killed process), never
 *       corruption in the middle: that stops the open with a corruption error.
 * </ul>
 */
final class RocksDbOptions {
  private static final int BLOOM_BITS_PER_KEY = 10;
  private static final long PIECE_MIN_BLOB_SIZE = 4096;

  final DBOptions db;
  final Map<ColumnFamily, ColumnFamilyOptions> families = new EnumMap<>(ColumnFamily.class);
  final ColumnFamilyOptions defaultFamily;
  final WriteOptions write;

  RocksDbOptions(StorageConfig config, NativeHandles handles, boolean create) {
    LRUCache cache = handles.track(new LRUCache(config.blockCacheBytes()));
    WriteBufferManager writeBuffers =
        handles.track(new WriteBufferManager(config.writeBufferBytes(), cache));
    db =
        handles.track(
            new DBOptions()
                .setCreateIfMissing(create)
                .setCreateMissingColumnFamilies(create)
                .setErrorIfExists(create)
                .setParanoidChecks(true)
                .setMaxOpenFiles(-1)
                .setWalRecoveryMode(WALRecoveryMode.TolerateCorruptedTailRecords)
                .setMaxBackgroundJobs(2)
                .setBytesPerSync(1L << 20)
                .setWriteBufferManager(writeBuffers)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(3)
                .setMaxLogFileSize(16L << 20));
    BloomFilter bloom = handles.track(new BloomFilter(BLOOM_BITS_PER_KEY));
    long perFamilyWriteBuffer = Math.max(1L << 20, config.writeBufferBytes() / 4);
    for (ColumnFamily family : ColumnFamily.values()) {
      BlockBasedTableConfig table =
          new BlockBasedTableConfig()
              .setBlockCache(cache)
              .setChecksumType(ChecksumType.kXXH3)
              .setCacheIndexAndFilterBlocks(true)
              .setPinL0FilterAndIndexBlocksInCache(true);
      ColumnFamilyOptions options = handles.track(new ColumnFamilyOptions());
      options.setWriteBufferSize(perFamilyWriteBuffer);
      switch (family.profile()) {
        case POINT_LOOKUP -> {
          table.setFilterPolicy(bloom).setBlockSize(16 << 10);
          options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        }
        case ORDERED -> {
          table.setBlockSize(4 << 10);
          options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        }
        case LARGE_VALUES -> {
          table.setFilterPolicy(bloom).setBlockSize(4 << 10);
          options
              .setCompressionType(CompressionType.NO_COMPRESSION)
              .setEnableBlobFiles(true)
              .setMinBlobSize(PIECE_MIN_BLOB_SIZE)
              .setBlobCompressionType(CompressionType.NO_COMPRESSION)
              .setEnableBlobGarbageCollection(true);
        }
      }
      options.setTableFormatConfig(table);
      families.put(family, options);
    }
    defaultFamily = handles.track(new ColumnFamilyOptions());
    write = handles.track(new WriteOptions().setSync(config.syncWrites()));
  }
}
