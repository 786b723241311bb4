package dev.annals.kernel.erasure;

/**
 * Element-wise operations on runs of GF(2^16) elements packed four to a {@code long} (element q of
 * a word in bits 16q..16q+15). The butterflies of the additive FFT touch two equally long runs
 * (rows r..r+h-1 and r+h..r+2h-1 of a strip are each one contiguous run), so every operation here
 * is a single flat loop over words. Packing halves the loads and stores of data per element; XORs
 * work on whole words.
 *
 * <p>Multiplication by a constant uses one of two methods. For long runs it fills a 512-entry split
 * table (product of the constant with every low byte, then with every high byte), so each element
 * costs two lookups in a 2 KiB table that stays in L1. For short runs, where filling the table
 * would cost more than it saves, it uses the log/exp tables directly.
 */
final class RowOps {
  /** Runs of at least this many words get a split table; below it, log/exp is cheaper. */
  static final int SPLIT_TABLE_MIN_WORDS = 96;

  /** Size of the scratch table callers pass in. */
  static final int SPLIT_TABLE_SIZE = 512;

  private RowOps() {}

  /** Fills table[0..255] with x*c and table[256..511] with (x<<8)*c, c having logarithm log. */
  static void fillSplitTable(int log, int[] table) {
    table[0] = 0;
    table[256] = 0;
    for (int bit = 0; bit < 8; bit++) {
      int width = 1 << bit;
      // The products are linear in x, so each power of two doubles the filled prefix.
      int low = Gf16.mul(width, log);
      int high = Gf16.mul(width << 8, log);
      for (int j = 0; j < width; j++) {
        table[width + j] = table[j] ^ low;
        table[256 + width + j] = table[256 + j] ^ high;
      }
    }
  }

  /** The four elements of y each multiplied through a filled split table. */
  private static long mulTable(long y, int[] t) {
    int lo = (int) y;
    int hi = (int) (y >>> 32);
    long p0 = t[lo & 0xFF] ^ t[256 + ((lo >>> 8) & 0xFF)];
    long p1 = t[(lo >>> 16) & 0xFF] ^ t[256 + (lo >>> 24)];
    long p2 = t[hi & 0xFF] ^ t[256 + ((hi >>> 8) & 0xFF)];
    long p3 = t[(hi >>> 16) & 0xFF] ^ t[256 + (hi >>> 24)];
    return p0 | p1 << 16 | p2 << 32 | p3 << 48;
  }

  /** The four elements of y each multiplied by the element with logarithm log. */
  private static long mulLog(long y, int log, int[] logExt, char[] expExt) {
    long p0 = expExt[logExt[(int) y & 0xFFFF] + log];
    long p1 = expExt[logExt[(int) (y >>> 16) & 0xFFFF] + log];
    long p2 = expExt[logExt[(int) (y >>> 32) & 0xFFFF] + log];
    long p3 = expExt[logExt[(int) (y >>> 48)] + log];
    return p0 | p1 << 16 | p2 << 32 | p3 << 48;
  }

  /** FFT butterfly over runs a and b: a ^= b*c (skipped when log is 65535), then b ^= a. */
  static void fftButterfly(long[] w, int a, int b, int words, int log, int[] table) {
    if (log == Gf16.MODULUS) {
      xor(w, a, w, b, words);
    } else if (words >= SPLIT_TABLE_MIN_WORDS) {
      fillSplitTable(log, table);
      for (int i = 0; i < words; i++) {
        long y = w[b + i];
        long x = w[a + i] ^ mulTable(y, table);
        w[a + i] = x;
        w[b + i] = x ^ y;
      }
    } else {
      int[] logExt = Gf16.LOG_EXT;
      char[] expExt = Gf16.EXP_EXT;
      for (int i = 0; i < words; i++) {
        long y = w[b + i];
        long x = w[a + i] ^ mulLog(y, log, logExt, expExt);
        w[a + i] = x;
        w[b + i] = x ^ y;
      }
    }
  }

  /** Inverse FFT butterfly over runs a and b: b ^= a, then a ^= b*c (skipped when log 65535). */
  static void ifftButterfly(long[] w, int a, int b, int words, int log, int[] table) {
    if (log == Gf16.MODULUS) {
      xor(w, a, w, b, words);
    } else if (words >= SPLIT_TABLE_MIN_WORDS) {
      fillSplitTable(log, table);
      for (int i = 0; i < words; i++) {
        long x = w[a + i];
        long y = w[b + i] ^ x;
        w[b + i] = y;
        w[a + i] = x ^ mulTable(y, table);
      }
    } else {
      int[] logExt = Gf16.LOG_EXT;
      char[] expExt = Gf16.EXP_EXT;
      for (int i = 0; i < words; i++) {
        long x = w[a + i];
        long y = w[b + i] ^ x;
        w[b + i] = y;
        w[a + i] = x ^ mulLog(y, log, logExt, expExt);
      }
    }
  }

  /** Multiplies the run at off by the element with logarithm log (65535 multiplies by 1). */
  static void mul(long[] w, int off, int words, int log, int[] table) {
    if (words >= SPLIT_TABLE_MIN_WORDS) {
      fillSplitTable(log, table);
      for (int i = off; i < off + words; i++) {
        w[i] = mulTable(w[i], table);
      }
    } else {
      int[] logExt = Gf16.LOG_EXT;
      char[] expExt = Gf16.EXP_EXT;
      for (int i = off; i < off + words; i++) {
        w[i] = mulLog(w[i], log, logExt, expExt);
      }
    }
  }

  /** dst[dOff..] ^= src[sOff..] over the given number of words. */
  static void xor(long[] src, int sOff, long[] dst, int dOff, int words) {
    for (int i = 0; i < words; i++) {
      dst[dOff + i] ^= src[sOff + i];
    }
  }
}
