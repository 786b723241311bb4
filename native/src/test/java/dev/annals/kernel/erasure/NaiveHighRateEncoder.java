package dev.annals.kernel.erasure;

/**
 * A deliberately plain re-statement of the crate's high-rate encoder, straight from the facts: one
 * element column at a time, int rows, per-element {@link Gf16#mul}, its own byte layout code. It
 * shares only the field tables (checked separately against published hashes) with the production
 * coder, so it catches mistakes in strips, chunking, run-length kernels and tails.
 */
final class NaiveHighRateEncoder {
  private NaiveHighRateEncoder() {}

  static byte[][] encode(byte[][] originals, int r) {
    int k = originals.length;
    int bytes = originals[0].length;
    int m = Integer.highestOneBit(r) == r ? r : Integer.highestOneBit(r) << 1;
    int workRows = (k + m - 1) / m * m;
    byte[][] recovery = new byte[r][bytes];
    for (int e = 0; e < bytes / 2; e++) {
      int[] work = new int[Math.max(workRows, m)];
      for (int i = 0; i < k; i++) {
        work[i] = element(originals[i], e);
      }
      ifft(work, 0, m, Math.min(k, m), m);
      for (int c = m; c < k; c += m) {
        ifft(work, c, m, Math.min(m, k - c), c + m);
        for (int i = 0; i < m; i++) {
          work[i] ^= work[c + i];
        }
      }
      fft(work, 0, m, r, 0);
      for (int j = 0; j < r; j++) {
        setElement(recovery[j], e, work[j]);
      }
    }
    return recovery;
  }

  private static void ifft(int[] data, int pos, int size, int truncated, int delta) {
    for (int h = 1; h < size; h *= 2) {
      for (int r = 0; r < truncated; r += 2 * h) {
        int factor = Gf16.SKEW[r + h - 1 + delta];
        for (int i = r; i < r + h; i++) {
          data[pos + i + h] ^= data[pos + i];
          if (factor != 65535) {
            data[pos + i] ^= Gf16.mul(data[pos + i + h], factor);
          }
        }
      }
    }
  }

  private static void fft(int[] data, int pos, int size, int truncated, int delta) {
    for (int h = size / 2; h >= 1; h /= 2) {
      for (int r = 0; r < truncated; r += 2 * h) {
        int factor = Gf16.SKEW[r + h - 1 + delta];
        for (int i = r; i < r + h; i++) {
          if (factor != 65535) {
            data[pos + i] ^= Gf16.mul(data[pos + i + h], factor);
          }
          data[pos + i + h] ^= data[pos + i];
        }
      }
    }
  }

  /** Byte positions of element e: (low, high). */
  private static int[] positions(int shardBytes, int e) {
    int fullBlocks = shardBytes / 64;
    if (e < 32 * fullBlocks) {
      int block = e / 32;
      return new int[] {64 * block + e % 32, 64 * block + 32 + e % 32};
    }
    int tail = shardBytes - 64 * fullBlocks;
    int j = e - 32 * fullBlocks;
    return new int[] {64 * fullBlocks + j, 64 * fullBlocks + tail / 2 + j};
  }

  private static int element(byte[] shard, int e) {
    int[] p = positions(shard.length, e);
    return (shard[p[0]] & 0xFF) | (shard[p[1]] & 0xFF) << 8;
  }

  private static void setElement(byte[] shard, int e, int value) {
    int[] p = positions(shard.length, e);
    shard[p[0]] = (byte) value;
    shard[p[1]] = (byte) (value >>> 8);
  }
}
