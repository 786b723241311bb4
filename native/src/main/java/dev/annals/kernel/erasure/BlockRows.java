package dev.annals.kernel.erasure;

import java.util.Arrays;

/**
 * Work rows for the C kernel: a strip of a shard as whole 64-byte blocks in the crate's own layout
 * (32 low bytes, then 32 high bytes), so full blocks are plain copies. A shard's final partial
 * block (t = shardBytes mod 64 bytes: t/2 low bytes, then t/2 high bytes) becomes a whole block
 * with its low bytes at 0.. and its high bytes at 32..; the padding columns are zero on the way in
 * and dropped on the way out, which is sound because every operation is column-wise.
 */
final class BlockRows {
  static final int BLOCK = 64;

  private BlockRows() {}

  /** Blocks of a shard, counting a partial last block as one. */
  static int blocks(int shardBytes) {
    return (shardBytes + BLOCK - 1) / BLOCK;
  }

  /**
   * Copies blocks [firstBlock, firstBlock + count) of the shard at src[off, off + shardBytes) to
   * work[dst, dst + 64·count).
   */
  static void load(
      byte[] src, int off, int shardBytes, int firstBlock, int count, byte[] work, int dst) {
    int fullBlocks = shardBytes / BLOCK;
    int full = Math.max(0, Math.min(firstBlock + count, fullBlocks) - firstBlock);
    System.arraycopy(src, off + firstBlock * BLOCK, work, dst, full * BLOCK);
    if (full < count) {
      int half = (shardBytes % BLOCK) >>> 1;
      int tail = off + fullBlocks * BLOCK;
      int block = dst + full * BLOCK;
      Arrays.fill(work, block, block + BLOCK, (byte) 0);
      System.arraycopy(src, tail, work, block, half);
      System.arraycopy(src, tail + half, work, block + BLOCK / 2, half);
    }
  }

  /** Inverse of {@link #load}: writes the blocks back into the shard at dst[off, +shardBytes). */
  static void store(
      byte[] work, int src, byte[] dst, int off, int shardBytes, int firstBlock, int count) {
    int fullBlocks = shardBytes / BLOCK;
    int full = Math.max(0, Math.min(firstBlock + count, fullBlocks) - firstBlock);
    System.arraycopy(work, src, dst, off + firstBlock * BLOCK, full * BLOCK);
    if (full < count) {
      int half = (shardBytes % BLOCK) >>> 1;
      int tail = off + fullBlocks * BLOCK;
      int block = src + full * BLOCK;
      System.arraycopy(work, block, dst, tail, half);
      System.arraycopy(work, block + BLOCK / 2, dst, tail + half, half);
    }
  }

  /** Blocks per strip so that rows of a strip fill about targetBytes (at least one block). */
  static int stripBlocks(int shardBytes, int rows, int targetBytes) {
    int blocks = Math.max(1, targetBytes / (rows * BLOCK));
    return Math.min(blocks, blocks(shardBytes));
  }
}
