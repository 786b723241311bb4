package dev.annals.archiver;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.kernel.merkle.MerkleNodes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * A record's commitment: its chunks extended by erasure coding into as many parity chunks, and
 * {@code record root = pair(root of the chunks, root of the parity chunks)}, which equals the
 * balanced root over all the record's s-buckets.
 */
public final class RecordCommitment {
  private RecordCommitment() {}

  /**
   * Computes the parity chunks root into {@code parityRootOut[parityOff, +32)} and returns the
   * record root of the record at {@code record[offset, + record size)}.
   */
  public static byte[] commit(
      ProtocolParameters params, byte[] record, int offset, byte[] parityRootOut, int parityOff) {
    byte[] recordRoot = new byte[Hash.SIZE];
    commit(params, record, offset, recordRoot, 0, parityRootOut, parityOff);
    return recordRoot;
  }

  /**
   * Writes the record root to {@code recordRootOut[recordRootOff, +32)} and the parity chunks root
   * to {@code parityRootOut[parityOff, +32)}; allocates nothing (per-thread scratch).
   */
  public static void commit(
      ProtocolParameters params,
      byte[] record,
      int offset,
      byte[] recordRootOut,
      int recordRootOff,
      byte[] parityRootOut,
      int parityOff) {
    int chunks = params.recordChunks();
    RecordScratch scratch = RecordScratch.of(params.recordSize());
    byte[] roots = scratch.roots();
    // The source root first: it reads the record once from memory, which leaves it in cache for
    // the erasure coder's copy into the parity buffer right after.
    BalancedMerkleTree.root(record, offset, chunks, scratch.levels(), roots, 0);
    byte[] parity = scratch.parity();
    Kernels.erasureCoder()
        .encode(chunks, chunks, ProtocolParameters.CHUNK_SIZE, record, offset, parity, 0);
    // The parity chunks are ours: reduce them in place instead of into a level buffer.
    BalancedMerkleTree.rootInPlace(parity, 0, chunks, roots, Hash.SIZE);
    System.arraycopy(roots, Hash.SIZE, parityRootOut, parityOff, Hash.SIZE);
    MerkleNodes.pair(roots, 0, roots, Hash.SIZE, recordRootOut, recordRootOff);
  }

  /** The record root from the record's own chunks and a claimed parity chunks root. */
  public static byte[] rootFromParityRoot(
      ProtocolParameters params, byte[] record, int offset, byte[] parityChunksRoot) {
    byte[] out = new byte[Hash.SIZE];
    rootFromParityRoot(params, record, offset, parityChunksRoot, 0, out, 0);
    return out;
  }

  /**
   * Writes to {@code out[outOff, +32)} the record root from the record's own chunks and the parity
   * chunks root at {@code parityChunksRoot[parityOff, +32)}; allocates nothing (per-thread
   * scratch).
   */
  public static void rootFromParityRoot(
      ProtocolParameters params,
      byte[] record,
      int offset,
      byte[] parityChunksRoot,
      int parityOff,
      byte[] out,
      int outOff) {
    RecordScratch scratch = RecordScratch.of(params.recordSize());
    byte[] roots = scratch.roots();
    BalancedMerkleTree.root(record, offset, params.recordChunks(), scratch.levels(), roots, 0);
    MerkleNodes.pair(roots, 0, parityChunksRoot, parityOff, out, outOff);
  }
}
