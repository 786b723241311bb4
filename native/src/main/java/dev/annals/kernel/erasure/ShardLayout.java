package dev.annals.kernel.erasure;

/**
 * The crate's byte layout of a shard as GF(2^16) elements. Each 64-byte block holds 32 elements,
 * bytes 0..31 their low halves and bytes 32..63 their high halves. A final tail of t bytes (t even,
 * t < 64) holds t/2 elements: t/2 low bytes, then t/2 high bytes. Element order inside a shard does
 * not matter to the code (all operations are column-wise), only that reading and writing agree.
 */
final class ShardLayout {
  static final int BLOCK_BYTES = 64;
  static final int BLOCK_ELEMENTS = 32;

  private ShardLayout() {}

  /**
   * Reads elements [first, first + count) of the shard at src[off, off + shardBytes) into dst
   * starting at dOff. first must be a multiple of 32.
   */
  static void read(
      byte[] src, int off, int shardBytes, int first, int count, char[] dst, int dOff) {
    int blockElements = (shardBytes >>> 6) << 5;
    int end = first + count;
    int e = first;
    int d = dOff;
    int fullEnd = Math.min(end, blockElements);
    while (e < fullEnd) {
      int base = off + (e << 1);
      int n = Math.min(BLOCK_ELEMENTS, fullEnd - e);
      for (int j = 0; j < n; j++) {
        dst[d + j] = (char) ((src[base + j] & 0xFF) | (src[base + 32 + j] & 0xFF) << 8);
      }
      e += n;
      d += n;
    }
    if (e < end) {
      int half = (shardBytes & 63) >>> 1;
      int base = off + (blockElements << 1) + (e - blockElements);
      for (int j = 0; j < end - e; j++) {
        dst[d + j] = (char) ((src[base + j] & 0xFF) | (src[base + half + j] & 0xFF) << 8);
      }
    }
  }

  /** Writes elements [first, first + count) of a shard from src[sOff..]; inverse of read. */
  static void write(
      char[] src, int sOff, byte[] dst, int off, int shardBytes, int first, int count) {
    int blockElements = (shardBytes >>> 6) << 5;
    int end = first + count;
    int e = first;
    int s = sOff;
    int fullEnd = Math.min(end, blockElements);
    while (e < fullEnd) {
      int base = off + (e << 1);
      int n = Math.min(BLOCK_ELEMENTS, fullEnd - e);
      for (int j = 0; j < n; j++) {
        char v = src[s + j];
        dst[base + j] = (byte) v;
        dst[base + 32 + j] = (byte) (v >>> 8);
      }
      e += n;
      s += n;
    }
    if (e < end) {
      int half = (shardBytes & 63) >>> 1;
      int base = off + (blockElements << 1) + (e - blockElements);
      for (int j = 0; j < end - e; j++) {
        char v = src[s + j];
        dst[base + j] = (byte) v;
        dst[base + half + j] = (byte) (v >>> 8);
      }
    }
  }
}
