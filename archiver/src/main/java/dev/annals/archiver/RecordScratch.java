package dev.annals.archiver;

import dev.annals.primitives.Hash;

/**
 * Per-thread buffers for committing to and verifying records of one size: the parity chunks, the
 * Merkle levels of the source chunks, a record copy (for pieces, whose records can only be copied
 * out) and two roots. Kept per thread so that the archiver's and the verifier's hot loops allocate
 * nothing and hash from buffers that stay in cache.
 */
final class RecordScratch {
  private static final ThreadLocal<RecordScratch> CURRENT = new ThreadLocal<>();

  private final int recordSize;
  private final byte[] parity;
  private final byte[] levels;
  private final byte[] roots = new byte[2 * Hash.SIZE];
  private byte[] record;

  private RecordScratch(int recordSize) {
    this.recordSize = recordSize;
    this.parity = new byte[recordSize];
    this.levels = new byte[recordSize / 2];
  }

  /** This thread's buffers for records of {@code recordSize} bytes. */
  static RecordScratch of(int recordSize) {
    RecordScratch scratch = CURRENT.get();
    if (scratch == null || scratch.recordSize != recordSize) {
      scratch = new RecordScratch(recordSize);
      CURRENT.set(scratch);
    }
    return scratch;
  }

  /** Room for the parity chunks: record size bytes. */
  byte[] parity() {
    return parity;
  }

  /** Room for the Merkle levels over the record's chunks: half the record size. */
  byte[] levels() {
    return levels;
  }

  /** Room for two 32-byte roots. */
  byte[] roots() {
    return roots;
  }

  /** Room for a copy of a record: record size bytes, made on first use. */
  byte[] record() {
    if (record == null) {
      record = new byte[recordSize];
    }
    return record;
  }
}
