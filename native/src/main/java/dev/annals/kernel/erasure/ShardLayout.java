package dev.annals.kernel.erasure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The crate's byte layout of a shard as GF(2^16) elements, and its conversion to and from the
 * packed work form (four elements per long, element e of a strip in word e/4, bits 16(e%4)..).
 *
 * <p>Each 64-byte block holds 32 elements, bytes 0..31 their low halves and bytes 32..63 their high
 * halves. A final tail of t bytes (t even, t < 64) holds t/2 elements: t/2 low bytes, then t/2 high
 * bytes. Element order inside a shard does not matter to the code (all operations are column-wise),
 * only that reading and writing agree.
 */
final class ShardLayout {
  static final int BLOCK_ELEMENTS = 32;

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private ShardLayout() {}

  /** Words holding count elements. */
  static int words(int count) {
    return (count + 3) >>> 2;
  }

  /**
   * Reads elements [first, first + count) of the shard at src[off, off + shardBytes) into words
   * dst[dOff, dOff + words(count)); unused lanes of the last word are zero. first must be a
   * multiple of 32.
   */
  static void read(
      byte[] src, int off, int shardBytes, int first, int count, long[] dst, int dOff) {
    int blockElements = (shardBytes >>> 6) << 5;
    int end = first + count;
    int e = first;
    int d = dOff;
    int blocksEnd = Math.min(end, blockElements);
    for (; e < blocksEnd; e += BLOCK_ELEMENTS) {
      int base = off + (e << 1);
      for (int q = 0; q < 8; q++) {
        int low = (int) INT_LE.get(src, base + 4 * q);
        int high = (int) INT_LE.get(src, base + 32 + 4 * q);
        dst[d++] = spread(low) | spread(high) << 8;
      }
    }
    if (e < end) {
      int half = (shardBytes & 63) >>> 1;
      int base = off + (blockElements << 1) + (e - blockElements);
      int n = end - e;
      for (int w = 0; w < words(n); w++) {
        dst[d + w] = 0;
      }
      for (int j = 0; j < n; j++) {
        long v = (src[base + j] & 0xFF) | (src[base + half + j] & 0xFF) << 8;
        dst[d + (j >>> 2)] |= v << ((j & 3) << 4);
      }
    }
  }

  /** Writes elements [first, first + count) of a shard from words src[sOff..]; inverse of read. */
  static void write(
      long[] src, int sOff, byte[] dst, int off, int shardBytes, int first, int count) {
    int blockElements = (shardBytes >>> 6) << 5;
    int end = first + count;
    int e = first;
    int s = sOff;
    int blocksEnd = Math.min(end, blockElements);
    for (; e < blocksEnd; e += BLOCK_ELEMENTS) {
      int base = off + (e << 1);
      for (int q = 0; q < 8; q++) {
        long v = src[s++];
        INT_LE.set(dst, base + 4 * q, gather(v));
        INT_LE.set(dst, base + 32 + 4 * q, gather(v >>> 8));
      }
    }
    if (e < end) {
      int half = (shardBytes & 63) >>> 1;
      int base = off + (blockElements << 1) + (e - blockElements);
      for (int j = 0; j < end - e; j++) {
        long v = src[s + (j >>> 2)] >>> ((j & 3) << 4);
        dst[base + j] = (byte) v;
        dst[base + half + j] = (byte) (v >>> 8);
      }
    }
  }

  /** Bytes 0..3 of x moved to bits 0, 16, 32 and 48 of a long (the low bytes of four lanes). */
  private static long spread(int x) {
    long v = x & 0xFFFFFFFFL;
    v = (v | v << 16) & 0x0000FFFF0000FFFFL;
    return (v | v << 8) & 0x00FF00FF00FF00FFL;
  }

  /** Inverse of spread: the low byte of each 16-bit lane, packed into an int. */
  private static int gather(long v) {
    v &= 0x00FF00FF00FF00FFL;
    v = (v | v >>> 8) & 0x0000FFFF0000FFFFL;
    return (int) (v | v >>> 16);
  }
}
