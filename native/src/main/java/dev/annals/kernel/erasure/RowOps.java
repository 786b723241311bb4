package dev.annals.kernel.erasure;

/**
 * Element-wise operations on runs of GF(2^16) elements held in a {@code char[]} work area. The
 * butterflies of the additive FFT touch two equally long runs (rows r..r+h-1 and r+h..r+2h-1 of a
 * strip are each one contiguous run), so every operation here is a single flat loop.
 *
 * <p>Multiplication by a constant uses one of two methods. For long runs it fills a 512-entry split
 * table (product of the constant with every low byte, then with every high byte), so each element
 * costs two lookups in a 1 KiB table that stays in L1. For short runs, where filling the table
 * would cost more than it saves, it uses the log/exp tables directly.
 */
final class RowOps {
  /** Runs at least this long get a split table; below it, log/exp lookups are cheaper. */
  static final int SPLIT_TABLE_MIN_RUN = 384;

  /** Size of the scratch table callers pass in. */
  static final int SPLIT_TABLE_SIZE = 512;

  private RowOps() {}

  /** Fills table[0..255] with x*c and table[256..511] with (x<<8)*c, c having logarithm log. */
  static void fillSplitTable(int log, char[] table) {
    table[0] = 0;
    table[256] = 0;
    for (int bit = 0; bit < 8; bit++) {
      int width = 1 << bit;
      // The products are linear in x, so each power of two doubles the filled prefix.
      char low = (char) Gf16.mul(width, log);
      char high = (char) Gf16.mul(width << 8, log);
      for (int j = 0; j < width; j++) {
        table[width + j] = (char) (table[j] ^ low);
        table[256 + width + j] = (char) (table[256 + j] ^ high);
      }
    }
  }

  /** FFT butterfly over runs a and b: a ^= b*c (skipped when log is 65535), then b ^= a. */
  static void fftButterfly(char[] w, int a, int b, int len, int log, char[] table) {
    if (log == Gf16.MODULUS) {
      xor(w, a, w, b, len);
    } else if (len >= SPLIT_TABLE_MIN_RUN) {
      fillSplitTable(log, table);
      for (int i = 0; i < len; i++) {
        int y = w[b + i];
        int x = w[a + i] ^ table[y & 0xFF] ^ table[256 + (y >>> 8)];
        w[a + i] = (char) x;
        w[b + i] = (char) (x ^ y);
      }
    } else {
      int[] logExt = Gf16.LOG_EXT;
      char[] expExt = Gf16.EXP_EXT;
      for (int i = 0; i < len; i++) {
        int y = w[b + i];
        int x = w[a + i] ^ expExt[logExt[y] + log];
        w[a + i] = (char) x;
        w[b + i] = (char) (x ^ y);
      }
    }
  }

  /** Inverse FFT butterfly over runs a and b: b ^= a, then a ^= b*c (skipped when log 65535). */
  static void ifftButterfly(char[] w, int a, int b, int len, int log, char[] table) {
    if (log == Gf16.MODULUS) {
      xor(w, a, w, b, len);
    } else if (len >= SPLIT_TABLE_MIN_RUN) {
      fillSplitTable(log, table);
      for (int i = 0; i < len; i++) {
        int x = w[a + i];
        int y = w[b + i] ^ x;
        w[b + i] = (char) y;
        w[a + i] = (char) (x ^ table[y & 0xFF] ^ table[256 + (y >>> 8)]);
      }
    } else {
      int[] logExt = Gf16.LOG_EXT;
      char[] expExt = Gf16.EXP_EXT;
      for (int i = 0; i < len; i++) {
        int x = w[a + i];
        int y = w[b + i] ^ x;
        w[b + i] = (char) y;
        w[a + i] = (char) (x ^ expExt[logExt[y] + log]);
      }
    }
  }

  /** Multiplies the run at off by the element with logarithm log (65535 multiplies by 1). */
  static void mul(char[] w, int off, int len, int log, char[] table) {
    if (len >= SPLIT_TABLE_MIN_RUN) {
      fillSplitTable(log, table);
      for (int i = off; i < off + len; i++) {
        int y = w[i];
        w[i] = (char) (table[y & 0xFF] ^ table[256 + (y >>> 8)]);
      }
    } else {
      int[] logExt = Gf16.LOG_EXT;
      char[] expExt = Gf16.EXP_EXT;
      for (int i = off; i < off + len; i++) {
        w[i] = expExt[logExt[w[i]] + log];
      }
    }
  }

  /** dst[dOff..] ^= src[sOff..] over len elements. */
  static void xor(char[] src, int sOff, char[] dst, int dOff, int len) {
    for (int i = 0; i < len; i++) {
      dst[dOff + i] ^= src[sOff + i];
    }
  }
}
