package dev.annals.kernel.merkle;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Kernels;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The inner node of every Annals Merkle tree: {@code pair(l, r) = KH(H("merkle-tree-inner-node"), l
 * ‖ r)}, and the level step shared by the tree shapes. Hashes are 32 bytes, stored back to back in
 * byte arrays.
 */
public final class MerkleNodes {
  public static final int HASH_LEN = 32;

  private static final Blake3 BLAKE3 = Kernels.blake3();
  private static final byte[] KEY =
      BLAKE3.hash("merkle-tree-inner-node".getBytes(StandardCharsets.US_ASCII));

  private MerkleNodes() {}

  /** The 32-byte key of inner nodes, {@code H("merkle-tree-inner-node")}; a fresh copy. */
  public static byte[] innerNodeKey() {
    return KEY.clone();
  }

  /** {@code pair(l, r)} written to {@code out[outOff, +32)}. */
  public static void pair(byte[] l, int lOff, byte[] r, int rOff, byte[] out, int outOff) {
    byte[] block = new byte[2 * HASH_LEN];
    System.arraycopy(l, lOff, block, 0, HASH_LEN);
    System.arraycopy(r, rOff, block, HASH_LEN, HASH_LEN);
    BLAKE3.keyedHash64Batch(KEY, block, 0, 1, out, outOff);
  }

  public static byte[] pair(byte[] l, byte[] r) {
    checkHash("left", l);
    checkHash("right", r);
    byte[] out = new byte[HASH_LEN];
    pair(l, 0, r, 0, out, 0);
    return out;
  }

  /**
   * Hashes {@code pairs} adjacent pairs: node {@code i} of the next level is {@code pair(src[srcOff
   * + 64 i, +32), src[srcOff + 64 i + 32, +32))}, written to {@code dst[dstOff + 32 i, +32)}. The
   * destination may be the source itself with {@code dstOff <= srcOff} (a level reduced in place).
   */
  static void pairLevel(byte[] src, int srcOff, int pairs, byte[] dst, int dstOff) {
    BLAKE3.keyedHash64Batch(KEY, src, srcOff, pairs, dst, dstOff);
  }

  static void checkHash(String what, byte[] hash) {
    Objects.requireNonNull(hash, what);
    if (hash.length != HASH_LEN) {
      throw new IllegalArgumentException(
          what + " hash must be " + HASH_LEN + " bytes, got " + hash.length);
    }
  }

  /** Checks that {@code count} hashes start at {@code offset} inside {@code hashes}. */
  static void checkHashes(String what, byte[] hashes, int offset, long count) {
    Objects.requireNonNull(hashes, what);
    if (offset < 0 || count < 0 || offset + count * HASH_LEN > hashes.length) {
      throw new IllegalArgumentException(
          what
              + ": "
              + count
              + " hashes at offset "
              + offset
              + " do not fit in "
              + hashes.length
              + " bytes");
    }
  }

  /** Throws unless {@code 0 <= index < count}. */
  static void checkIndex(long index, long count) {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "leaf index " + index + " out of range for " + count + " leaves");
    }
  }
}
