package dev.annals.archiver;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.kernel.merkle.MerkleNodes;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * A record's commitment: its chunks extended by erasure coding into as many parity chunks, and
 * {@code record root = pair(root of the chunks, root of the parity chunks)}, which equals the
 * balanced root over all the record's s-buckets.
 */
public final class RecordCommitment {
  private static final ThreadLocal<byte[]> PARITY = new ThreadLocal<>();

  private RecordCommitment() {}

  /**
   * Computes the parity chunks root into {@code parityRootOut[parityOff, +32)} and returns the
   * record root of the record at {@code record[offset, + record size)}.
   */
  public static byte[] commit(
      ProtocolParameters params, byte[] record, int offset, byte[] parityRootOut, int parityOff) {
    int chunks = params.recordChunks();
    int size = params.recordSize();
    byte[] parity = scratch(size);
    Kernels.erasureCoder()
        .encode(chunks, chunks, ProtocolParameters.CHUNK_SIZE, record, offset, parity, 0);
    byte[] parityRoot = BalancedMerkleTree.root(parity, 0, chunks);
    System.arraycopy(parityRoot, 0, parityRootOut, parityOff, parityRoot.length);
    return rootFromParityRoot(params, record, offset, parityRoot);
  }

  /** The record root from the record's own chunks and a claimed parity chunks root. */
  public static byte[] rootFromParityRoot(
      ProtocolParameters params, byte[] record, int offset, byte[] parityChunksRoot) {
    byte[] sourceRoot = BalancedMerkleTree.root(record, offset, params.recordChunks());
    return MerkleNodes.pair(sourceRoot, parityChunksRoot);
  }

  private static byte[] scratch(int size) {
    byte[] buffer = PARITY.get();
    if (buffer == null || buffer.length != size) {
      buffer = new byte[size];
      PARITY.set(buffer);
    }
    return buffer;
  }
}
