package dev.annals.kernel.java;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The BLAKE3 compression function and its constants. The sixteen state words and the sixteen
 * message words live in locals and the seven rounds are unrolled with the message permutation
 * applied in advance, so one compression touches no array but its input and output.
 */
final class Blake3Compression {
  static final int BLOCK_LEN = 64;
  static final int CHUNK_LEN = 1024;

  static final int CHUNK_START = 1;
  static final int CHUNK_END = 2;
  static final int PARENT = 4;
  static final int ROOT = 8;
  static final int KEYED_HASH = 16;
  static final int DERIVE_KEY_CONTEXT = 32;
  static final int DERIVE_KEY_MATERIAL = 64;

  static final int IV0 = 0x6A09E667;
  static final int IV1 = 0xBB67AE85;
  static final int IV2 = 0x3C6EF372;
  static final int IV3 = 0xA54FF53A;
  static final int IV4 = 0x510E527F;
  static final int IV5 = 0x9B05688C;
  static final int IV6 = 0x1F83D9AB;
  static final int IV7 = 0x5BE0CD19;

  private static final int[] IV = {IV0, IV1, IV2, IV3, IV4, IV5, IV6, IV7};

  static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Blake3Compression() {}

  /** The eight IV words (the key of plain hashing); a fresh copy. */
  static int[] iv() {
    return IV.clone();
  }

  static int readLe(byte[] b, int offset) {
    return (int) LE_INT.get(b, offset);
  }

  static void writeLe(byte[] b, int offset, int value) {
    LE_INT.set(b, offset, value);
  }

  /**
   * Compresses the 64-byte block {@code block[blockOff, +64)} (read little-endian) into {@code
   * out[outOff, +16)}.
   */
  static void compressBytes(
      int[] cv,
      int cvOff,
      byte[] block,
      int blockOff,
      long counter,
      int blockLen,
      int flags,
      int[] out,
      int outOff) {
    compress(
        cv,
        cvOff,
        readLe(block, blockOff),
        readLe(block, blockOff + 4),
        readLe(block, blockOff + 8),
        readLe(block, blockOff + 12),
        readLe(block, blockOff + 16),
        readLe(block, blockOff + 20),
        readLe(block, blockOff + 24),
        readLe(block, blockOff + 28),
        readLe(block, blockOff + 32),
        readLe(block, blockOff + 36),
        readLe(block, blockOff + 40),
        readLe(block, blockOff + 44),
        readLe(block, blockOff + 48),
        readLe(block, blockOff + 52),
        readLe(block, blockOff + 56),
        readLe(block, blockOff + 60),
        counter,
        blockLen,
        flags,
        out,
        outOff);
  }

  /**
   * Compresses the sixteen message words {@code words[wordsOff, +16)} into {@code out[outOff,
   * +16)}.
   */
  static void compressWords(
      int[] cv,
      int cvOff,
      int[] words,
      int wordsOff,
      long counter,
      int blockLen,
      int flags,
      int[] out,
      int outOff) {
    int w = wordsOff;
    compress(
        cv,
        cvOff,
        words[w],
        words[w + 1],
        words[w + 2],
        words[w + 3],
        words[w + 4],
        words[w + 5],
        words[w + 6],
        words[w + 7],
        words[w + 8],
        words[w + 9],
        words[w + 10],
        words[w + 11],
        words[w + 12],
        words[w + 13],
        words[w + 14],
        words[w + 15],
        counter,
        blockLen,
        flags,
        out,
        outOff);
  }

  /**
   * The compression function: chaining value {@code cv[cvOff, +8)}, message words m0..m15. Writes
   * all sixteen output words to {@code out[outOff, +16)}: the first eight are the new chaining
   * value, the last eight extend it for extendable output. {@code out} may alias {@code cv}.
   */
  static void compress(
      int[] cv,
      int cvOff,
      int m0,
      int m1,
      int m2,
      int m3,
      int m4,
      int m5,
      int m6,
      int m7,
      int m8,
      int m9,
      int m10,
      int m11,
      int m12,
      int m13,
      int m14,
      int m15,
      long counter,
      int blockLen,
      int flags,
      int[] out,
      int outOff) {
    int c0 = cv[cvOff];
    int c1 = cv[cvOff + 1];
    int c2 = cv[cvOff + 2];
    int c3 = cv[cvOff + 3];
    int c4 = cv[cvOff + 4];
    int c5 = cv[cvOff + 5];
    int c6 = cv[cvOff + 6];
    int c7 = cv[cvOff + 7];
    int v0 = c0;
    int v1 = c1;
    int v2 = c2;
    int v3 = c3;
    int v4 = c4;
    int v5 = c5;
    int v6 = c6;
    int v7 = c7;
    int v8 = IV0;
    int v9 = IV1;
    int v10 = IV2;
    int v11 = IV3;
    int v12 = (int) counter;
    int v13 = (int) (counter >>> 32);
    int v14 = blockLen;
    int v15 = flags;
    // generated rounds: scripts/codegen/blake3_rounds.py splice <this file>
    // round 0
    v0 += v4 + m0;
    v12 = Integer.rotateRight(v12 ^ v0, 16);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 12);
    v0 += v4 + m1;
    v12 = Integer.rotateRight(v12 ^ v0, 8);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 7);
    v1 += v5 + m2;
    v13 = Integer.rotateRight(v13 ^ v1, 16);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 12);
    v1 += v5 + m3;
    v13 = Integer.rotateRight(v13 ^ v1, 8);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 7);
    v2 += v6 + m4;
    v14 = Integer.rotateRight(v14 ^ v2, 16);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 12);
    v2 += v6 + m5;
    v14 = Integer.rotateRight(v14 ^ v2, 8);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 7);
    v3 += v7 + m6;
    v15 = Integer.rotateRight(v15 ^ v3, 16);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 12);
    v3 += v7 + m7;
    v15 = Integer.rotateRight(v15 ^ v3, 8);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 7);
    v0 += v5 + m8;
    v15 = Integer.rotateRight(v15 ^ v0, 16);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 12);
    v0 += v5 + m9;
    v15 = Integer.rotateRight(v15 ^ v0, 8);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 7);
    v1 += v6 + m10;
    v12 = Integer.rotateRight(v12 ^ v1, 16);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 12);
    v1 += v6 + m11;
    v12 = Integer.rotateRight(v12 ^ v1, 8);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 7);
    v2 += v7 + m12;
    v13 = Integer.rotateRight(v13 ^ v2, 16);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 12);
    v2 += v7 + m13;
    v13 = Integer.rotateRight(v13 ^ v2, 8);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 7);
    v3 += v4 + m14;
    v14 = Integer.rotateRight(v14 ^ v3, 16);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 12);
    v3 += v4 + m15;
    v14 = Integer.rotateRight(v14 ^ v3, 8);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 7);
    // round 1
    v0 += v4 + m2;
    v12 = Integer.rotateRight(v12 ^ v0, 16);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 12);
    v0 += v4 + m6;
    v12 = Integer.rotateRight(v12 ^ v0, 8);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 7);
    v1 += v5 + m3;
    v13 = Integer.rotateRight(v13 ^ v1, 16);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 12);
    v1 += v5 + m10;
    v13 = Integer.rotateRight(v13 ^ v1, 8);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 7);
    v2 += v6 + m7;
    v14 = Integer.rotateRight(v14 ^ v2, 16);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 12);
    v2 += v6 + m0;
    v14 = Integer.rotateRight(v14 ^ v2, 8);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 7);
    v3 += v7 + m4;
    v15 = Integer.rotateRight(v15 ^ v3, 16);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 12);
    v3 += v7 + m13;
    v15 = Integer.rotateRight(v15 ^ v3, 8);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 7);
    v0 += v5 + m1;
    v15 = Integer.rotateRight(v15 ^ v0, 16);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 12);
    v0 += v5 + m11;
    v15 = Integer.rotateRight(v15 ^ v0, 8);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 7);
    v1 += v6 + m12;
    v12 = Integer.rotateRight(v12 ^ v1, 16);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 12);
    v1 += v6 + m5;
    v12 = Integer.rotateRight(v12 ^ v1, 8);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 7);
    v2 += v7 + m9;
    v13 = Integer.rotateRight(v13 ^ v2, 16);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 12);
    v2 += v7 + m14;
    v13 = Integer.rotateRight(v13 ^ v2, 8);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 7);
    v3 += v4 + m15;
    v14 = Integer.rotateRight(v14 ^ v3, 16);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 12);
    v3 += v4 + m8;
    v14 = Integer.rotateRight(v14 ^ v3, 8);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 7);
    // round 2
    v0 += v4 + m3;
    v12 = Integer.rotateRight(v12 ^ v0, 16);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 12);
    v0 += v4 + m4;
    v12 = Integer.rotateRight(v12 ^ v0, 8);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 7);
    v1 += v5 + m10;
    v13 = Integer.rotateRight(v13 ^ v1, 16);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 12);
    v1 += v5 + m12;
    v13 = Integer.rotateRight(v13 ^ v1, 8);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 7);
    v2 += v6 + m13;
    v14 = Integer.rotateRight(v14 ^ v2, 16);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 12);
    v2 += v6 + m2;
    v14 = Integer.rotateRight(v14 ^ v2, 8);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 7);
    v3 += v7 + m7;
    v15 = Integer.rotateRight(v15 ^ v3, 16);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 12);
    v3 += v7 + m14;
    v15 = Integer.rotateRight(v15 ^ v3, 8);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 7);
    v0 += v5 + m6;
    v15 = Integer.rotateRight(v15 ^ v0, 16);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 12);
    v0 += v5 + m5;
    v15 = Integer.rotateRight(v15 ^ v0, 8);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 7);
    v1 += v6 + m9;
    v12 = Integer.rotateRight(v12 ^ v1, 16);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 12);
    v1 += v6 + m0;
    v12 = Integer.rotateRight(v12 ^ v1, 8);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 7);
    v2 += v7 + m11;
    v13 = Integer.rotateRight(v13 ^ v2, 16);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 12);
    v2 += v7 + m15;
    v13 = Integer.rotateRight(v13 ^ v2, 8);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 7);
    v3 += v4 + m8;
    v14 = Integer.rotateRight(v14 ^ v3, 16);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 12);
    v3 += v4 + m1;
    v14 = Integer.rotateRight(v14 ^ v3, 8);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 7);
    // round 3
    v0 += v4 + m10;
    v12 = Integer.rotateRight(v12 ^ v0, 16);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 12);
    v0 += v4 + m7;
    v12 = Integer.rotateRight(v12 ^ v0, 8);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 7);
    v1 += v5 + m12;
    v13 = Integer.rotateRight(v13 ^ v1, 16);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 12);
    v1 += v5 + m9;
    v13 = Integer.rotateRight(v13 ^ v1, 8);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 7);
    v2 += v6 + m14;
    v14 = Integer.rotateRight(v14 ^ v2, 16);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 12);
    v2 += v6 + m3;
    v14 = Integer.rotateRight(v14 ^ v2, 8);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 7);
    v3 += v7 + m13;
    v15 = Integer.rotateRight(v15 ^ v3, 16);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 12);
    v3 += v7 + m15;
    v15 = Integer.rotateRight(v15 ^ v3, 8);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 7);
    v0 += v5 + m4;
    v15 = Integer.rotateRight(v15 ^ v0, 16);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 12);
    v0 += v5 + m0;
    v15 = Integer.rotateRight(v15 ^ v0, 8);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 7);
    v1 += v6 + m11;
    v12 = Integer.rotateRight(v12 ^ v1, 16);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 12);
    v1 += v6 + m2;
    v12 = Integer.rotateRight(v12 ^ v1, 8);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 7);
    v2 += v7 + m5;
    v13 = Integer.rotateRight(v13 ^ v2, 16);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 12);
    v2 += v7 + m8;
    v13 = Integer.rotateRight(v13 ^ v2, 8);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 7);
    v3 += v4 + m1;
    v14 = Integer.rotateRight(v14 ^ v3, 16);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 12);
    v3 += v4 + m6;
    v14 = Integer.rotateRight(v14 ^ v3, 8);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 7);
    // round 4
    v0 += v4 + m12;
    v12 = Integer.rotateRight(v12 ^ v0, 16);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 12);
    v0 += v4 + m13;
    v12 = Integer.rotateRight(v12 ^ v0, 8);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 7);
    v1 += v5 + m9;
    v13 = Integer.rotateRight(v13 ^ v1, 16);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 12);
    v1 += v5 + m11;
    v13 = Integer.rotateRight(v13 ^ v1, 8);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 7);
    v2 += v6 + m15;
    v14 = Integer.rotateRight(v14 ^ v2, 16);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 12);
    v2 += v6 + m10;
    v14 = Integer.rotateRight(v14 ^ v2, 8);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 7);
    v3 += v7 + m14;
    v15 = Integer.rotateRight(v15 ^ v3, 16);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 12);
    v3 += v7 + m8;
    v15 = Integer.rotateRight(v15 ^ v3, 8);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 7);
    v0 += v5 + m7;
    v15 = Integer.rotateRight(v15 ^ v0, 16);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 12);
    v0 += v5 + m2;
    v15 = Integer.rotateRight(v15 ^ v0, 8);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 7);
    v1 += v6 + m5;
    v12 = Integer.rotateRight(v12 ^ v1, 16);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 12);
    v1 += v6 + m3;
    v12 = Integer.rotateRight(v12 ^ v1, 8);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 7);
    v2 += v7 + m0;
    v13 = Integer.rotateRight(v13 ^ v2, 16);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 12);
    v2 += v7 + m1;
    v13 = Integer.rotateRight(v13 ^ v2, 8);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 7);
    v3 += v4 + m6;
    v14 = Integer.rotateRight(v14 ^ v3, 16);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 12);
    v3 += v4 + m4;
    v14 = Integer.rotateRight(v14 ^ v3, 8);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 7);
    // round 5
    v0 += v4 + m9;
    v12 = Integer.rotateRight(v12 ^ v0, 16);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 12);
    v0 += v4 + m14;
    v12 = Integer.rotateRight(v12 ^ v0, 8);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 7);
    v1 += v5 + m11;
    v13 = Integer.rotateRight(v13 ^ v1, 16);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 12);
    v1 += v5 + m5;
    v13 = Integer.rotateRight(v13 ^ v1, 8);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 7);
    v2 += v6 + m8;
    v14 = Integer.rotateRight(v14 ^ v2, 16);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 12);
    v2 += v6 + m12;
    v14 = Integer.rotateRight(v14 ^ v2, 8);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 7);
    v3 += v7 + m15;
    v15 = Integer.rotateRight(v15 ^ v3, 16);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 12);
    v3 += v7 + m1;
    v15 = Integer.rotateRight(v15 ^ v3, 8);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 7);
    v0 += v5 + m13;
    v15 = Integer.rotateRight(v15 ^ v0, 16);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 12);
    v0 += v5 + m3;
    v15 = Integer.rotateRight(v15 ^ v0, 8);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 7);
    v1 += v6 + m0;
    v12 = Integer.rotateRight(v12 ^ v1, 16);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 12);
    v1 += v6 + m10;
    v12 = Integer.rotateRight(v12 ^ v1, 8);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 7);
    v2 += v7 + m2;
    v13 = Integer.rotateRight(v13 ^ v2, 16);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 12);
    v2 += v7 + m6;
    v13 = Integer.rotateRight(v13 ^ v2, 8);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 7);
    v3 += v4 + m4;
    v14 = Integer.rotateRight(v14 ^ v3, 16);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 12);
    v3 += v4 + m7;
    v14 = Integer.rotateRight(v14 ^ v3, 8);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 7);
    // round 6
    v0 += v4 + m11;
    v12 = Integer.rotateRight(v12 ^ v0, 16);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 12);
    v0 += v4 + m15;
    v12 = Integer.rotateRight(v12 ^ v0, 8);
    v8 += v12;
    v4 = Integer.rotateRight(v4 ^ v8, 7);
    v1 += v5 + m5;
    v13 = Integer.rotateRight(v13 ^ v1, 16);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 12);
    v1 += v5 + m0;
    v13 = Integer.rotateRight(v13 ^ v1, 8);
    v9 += v13;
    v5 = Integer.rotateRight(v5 ^ v9, 7);
    v2 += v6 + m1;
    v14 = Integer.rotateRight(v14 ^ v2, 16);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 12);
    v2 += v6 + m9;
    v14 = Integer.rotateRight(v14 ^ v2, 8);
    v10 += v14;
    v6 = Integer.rotateRight(v6 ^ v10, 7);
    v3 += v7 + m8;
    v15 = Integer.rotateRight(v15 ^ v3, 16);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 12);
    v3 += v7 + m6;
    v15 = Integer.rotateRight(v15 ^ v3, 8);
    v11 += v15;
    v7 = Integer.rotateRight(v7 ^ v11, 7);
    v0 += v5 + m14;
    v15 = Integer.rotateRight(v15 ^ v0, 16);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 12);
    v0 += v5 + m10;
    v15 = Integer.rotateRight(v15 ^ v0, 8);
    v10 += v15;
    v5 = Integer.rotateRight(v5 ^ v10, 7);
    v1 += v6 + m2;
    v12 = Integer.rotateRight(v12 ^ v1, 16);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 12);
    v1 += v6 + m12;
    v12 = Integer.rotateRight(v12 ^ v1, 8);
    v11 += v12;
    v6 = Integer.rotateRight(v6 ^ v11, 7);
    v2 += v7 + m3;
    v13 = Integer.rotateRight(v13 ^ v2, 16);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 12);
    v2 += v7 + m4;
    v13 = Integer.rotateRight(v13 ^ v2, 8);
    v8 += v13;
    v7 = Integer.rotateRight(v7 ^ v8, 7);
    v3 += v4 + m7;
    v14 = Integer.rotateRight(v14 ^ v3, 16);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 12);
    v3 += v4 + m13;
    v14 = Integer.rotateRight(v14 ^ v3, 8);
    v9 += v14;
    v4 = Integer.rotateRight(v4 ^ v9, 7);
    // end of generated rounds
    out[outOff] = v0 ^ v8;
    out[outOff + 1] = v1 ^ v9;
    out[outOff + 2] = v2 ^ v10;
    out[outOff + 3] = v3 ^ v11;
    out[outOff + 4] = v4 ^ v12;
    out[outOff + 5] = v5 ^ v13;
    out[outOff + 6] = v6 ^ v14;
    out[outOff + 7] = v7 ^ v15;
    out[outOff + 8] = v8 ^ c0;
    out[outOff + 9] = v9 ^ c1;
    out[outOff + 10] = v10 ^ c2;
    out[outOff + 11] = v11 ^ c3;
    out[outOff + 12] = v12 ^ c4;
    out[outOff + 13] = v13 ^ c5;
    out[outOff + 14] = v14 ^ c6;
    out[outOff + 15] = v15 ^ c7;
  }
}
