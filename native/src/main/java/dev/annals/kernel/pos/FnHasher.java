package dev.annals.kernel.pos;

import dev.annals.kernel.Blake3;

/**
 * The Chia fn function for tables 2..7 over batches of matches: BLAKE3 of y_left ‖ meta_left ‖
 * meta_right (MSB first, zero-padded to whole bytes; at most 29 bytes, one BLAKE3 block). Inputs
 * are packed into one buffer and hashed with {@link Blake3#hashBatch}, so a vectorised BLAKE3
 * kernel speeds this up without changes here. Not thread-safe: one instance per thread.
 */
final class FnHasher {
  static final int CHUNK = 2048;

  private final Blake3 blake3;
  private final PosParameters params;
  private final BitWriter writer = new BitWriter();
  private final byte[] inputs = new byte[CHUNK * 32 + 32];
  private final byte[] hashes = new byte[CHUNK * Blake3.OUT_LEN];

  FnHasher(Blake3 blake3, PosParameters params) {
    this.blake3 = blake3;
    this.params = params;
  }

  /** Bytes hashed per entry when building {@code table} (2..7). */
  int inputLength(int table) {
    return (params.yBits() + 2 * params.metadataBits(table - 1) + 7) >>> 3;
  }

  /**
   * Computes entries {@code [from, to)} of {@code table} (2..7). On entry {@code ys[i]} holds the
   * left parent's y; it is replaced by the entry's own y. Parent metadata is read at the parent
   * positions {@code left[i]}, {@code right[i]} from {@code parentHi/parentLo} (for table 1, whose
   * metadata is x = position, pass {@code null}). The entry's metadata goes to {@code outHi/outLo}
   * (ignored for table 7).
   */
  void compute(
      int table,
      int from,
      int to,
      int[] ys,
      int[] left,
      int[] right,
      long[] parentHi,
      long[] parentLo,
      long[] outHi,
      long[] outLo) {
    int yBits = params.yBits();
    int parentBits = params.metadataBits(table - 1);
    int len = inputLength(table);
    for (int start = from; start < to; start += CHUNK) {
      int count = Math.min(CHUNK, to - start);
      for (int j = 0; j < count; j++) {
        int i = start + j;
        writer.reset();
        writer.put(ys[i], yBits);
        int l = left[i];
        int r = right[i];
        if (parentLo == null) {
          writer.put(l, parentBits);
          writer.put(r, parentBits);
        } else {
          writer.put128(parentHi[l], parentLo[l], parentBits);
          writer.put128(parentHi[r], parentLo[r], parentBits);
        }
        writer.writeTo(inputs, j * len);
      }
      blake3.hashBatch(inputs, 0, len, count, hashes, 0);
      for (int j = 0; j < count; j++) {
        int i = start + j;
        int h = j * Blake3.OUT_LEN;
        if (table != 7) {
          storeMetadata(table, parentBits, i, h, left, right, parentHi, parentLo, outHi, outLo);
        }
        ys[i] = ((int) BitWriter.INT_BE.get(hashes, h)) >>> (32 - yBits);
      }
    }
  }

  private void storeMetadata(
      int table,
      int parentBits,
      int i,
      int h,
      int[] left,
      int[] right,
      long[] parentHi,
      long[] parentLo,
      long[] outHi,
      long[] outLo) {
    if (table <= 3) {
      // meta_left ‖ meta_right; parents here are tables 1 and 2, at most 2K = 50 bits wide.
      long l = parentLo == null ? left[i] : parentLo[left[i]];
      long r = parentLo == null ? right[i] : parentLo[right[i]];
      outLo[i] = (l << parentBits) | r;
      outHi[i] = parentBits + parentBits > 64 ? l >>> (64 - parentBits) : 0;
      return;
    }
    // Hash bits [yBits, yBits + width): take 128 bits from bit yBits (18..31), then shift down.
    int width = params.metadataBits(table);
    int s = params.yBits();
    long a = (long) BitWriter.LONG_BE.get(hashes, h);
    long b = (long) BitWriter.LONG_BE.get(hashes, h + 8);
    long c = (long) BitWriter.LONG_BE.get(hashes, h + 16);
    long hi = (a << s) | (b >>> (64 - s));
    long lo = (b << s) | (c >>> (64 - s));
    int n = 128 - width;
    if (n >= 64) {
      outLo[i] = hi >>> (n - 64);
      outHi[i] = 0;
    } else {
      outLo[i] = (lo >>> n) | (hi << (64 - n));
      outHi[i] = hi >>> n;
    }
  }
}
