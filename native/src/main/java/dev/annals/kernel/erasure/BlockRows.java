package dev.annals.kernel.erasure;

import java.util.Arrays;

/**
 * Work rows for the C kernel: a strip of a shard as whole blocks in the crate's own layout (low
 * bytes, then high bytes), so full blocks are plain copies. Blocks are 64 bytes; a shard of at most
 * 32 bytes is one 32-byte block instead (16 low, 16 high bytes: exactly a 32-byte shard), which
 * halves the work for the archiver's 32-byte record chunks. A shard's final partial block (t =
 * shardBytes mod block bytes: t/2 low bytes, then t/2 high bytes) becomes a whole block with its
 * low bytes at 0.. and its high bytes at block/2..; the padding columns are zero on the way in and
 * dropped on the way out, which is sound because every operation is column-wise.
 */
final class BlockRows {
  static final int BLOCK = 64;
  static final int SMALL_BLOCK = 32;

  private BlockRows() {}

  /** Bytes per block for shards of this size: 32 for shards of at most 32 bytes, else 64. */
  static int blockBytes(int shardBytes) {
    return shardBytes <= SMALL_BLOCK ? SMALL_BLOCK : BLOCK;
  }

  /** Blocks of a shard, counting a partial last block as one. */
  static int blocks(int shardBytes) {
    int block = blockBytes(shardBytes);
    return (shardBytes + block - 1) / block;
  }

  /**
   * Copies blocks [firstBlock, firstBlock + count) of the shard at src[off, off + shardBytes) to
   * work[dst, dst + blockBytes·count).
   */
  static void load(
      byte[] src, int off, int shardBytes, int firstBlock, int count, byte[] work, int dst) {
    int blockBytes = blockBytes(shardBytes);
    int fullBlocks = shardBytes / blockBytes;
    int full = Math.max(0, Math.min(firstBlock + count, fullBlocks) - firstBlock);
    System.arraycopy(src, off + firstBlock * blockBytes, work, dst, full * blockBytes);
    if (full < count) {
      int half = (shardBytes % blockBytes) >>> 1;
      int tail = off + fullBlocks * blockBytes;
      int block = dst + full * blockBytes;
      Arrays.fill(work, block, block + blockBytes, (byte) 0);
      System.arraycopy(src, tail, work, block, half);
      System.arraycopy(src, tail + half, work, block + blockBytes / 2, half);
    }
  }

  /** Inverse of {@link #load}: writes the blocks back into the shard at dst[off, +shardBytes). */
  static void store(
      byte[] work, int src, byte[] dst, int off, int shardBytes, int firstBlock, int count) {
    int blockBytes = blockBytes(shardBytes);
    int fullBlocks = shardBytes / blockBytes;
    int full = Math.max(0, Math.min(firstBlock + count, fullBlocks) - firstBlock);
    System.arraycopy(work, src, dst, off + firstBlock * blockBytes, full * blockBytes);
    if (full < count) {
      int half = (shardBytes % blockBytes) >>> 1;
      int tail = off + fullBlocks * blockBytes;
      int block = src + full * blockBytes;
      System.arraycopy(work, block, dst, tail, half);
      System.arraycopy(work, block + blockBytes / 2, dst, tail + half, half);
    }
  }

  /** Blocks per strip so that rows of a strip fill about targetBytes (at least one block). */
  static int stripBlocks(int shardBytes, int rows, int targetBytes) {
    int blocks = Math.max(1, targetBytes / (rows * blockBytes(shardBytes)));
    return Math.min(blocks, blocks(shardBytes));
  }

  /**
   * Whether shards from..from+rows-1 lie end to end in one array (shard i at offsets[from] + (i -
   * from)·shardBytes), so that whole-shard rows move with one copy.
   */
  static boolean contiguous(byte[][] shards, int[] offsets, int from, int rows, int shardBytes) {
    for (int i = from + 1; i < from + rows; i++) {
      if (shards[i] != shards[from] || offsets[i] != offsets[from] + (i - from) * shardBytes) {
        return false;
      }
    }
    return true;
  }
}
