package dev.annals.node.storage;

/** How a column family is read, which decides its RocksDB options (see {@link RocksDbOptions}). */
public enum ColumnProfile {
  /** Looked up by exact key (hashes, indices): bloom filter, index and filter blocks cached. */
  POINT_LOOKUP,
  /** Scanned in key order by prefix (per-shard ranges): no bloom filter, small blocks. */
  ORDERED,
  /** Large incompressible values looked up by key (pieces): blob files, no compression. */
  LARGE_VALUES
}
