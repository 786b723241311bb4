package dev.annals.kernel.java;

import static dev.annals.kernel.java.Blake3Compression.BLOCK_LEN;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_END;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_LEN;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_START;
import static dev.annals.kernel.java.Blake3Compression.IV0;
import static dev.annals.kernel.java.Blake3Compression.IV1;
import static dev.annals.kernel.java.Blake3Compression.IV2;
import static dev.annals.kernel.java.Blake3Compression.IV3;
import static dev.annals.kernel.java.Blake3Compression.ROOT;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link #LANES} independent BLAKE3 compressions at once, one per lane of an {@link IntVector} (16
 * with AVX-512, 8 with AVX2). Words are kept word-major ({@code words[w × LANES + lane]}) so the
 * compression loads and stores whole vectors; blocks are transposed into that layout with one
 * scatter per block and out of it with one gather per vector of output. An instance owns its
 * scratch arrays and is not thread-safe. Only touched when {@link LaneSupport#available()}.
 */
final class Blake3Lanes {
  private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
  static final int LANES = S.length();

  /** Lane w of a block vector goes to word w of the lane's message: index w × LANES. */
  private static final int[] SCATTER = new int[LANES];

  /** Lane t of an output vector reads word t mod 8 of output t / 8. */
  private static final int[] GATHER = new int[LANES];

  static {
    for (int t = 0; t < LANES; t++) {
      SCATTER[t] = t * LANES;
      GATHER[t] = (t % 8) * LANES + t / 8;
    }
  }

  private final int[] msg = new int[16 * LANES];
  private final int[] cv = new int[8 * LANES];
  private final int[] keyCv = new int[8 * LANES];
  private final int[] counterLo = new int[LANES];
  private final int[] counterHi = new int[LANES];
  private final byte[] padded = new byte[BLOCK_LEN * LANES];
  private int[] keyOfKeyCv;

  /**
   * Keyed hashes of whole groups of {@link #LANES} 64-byte inputs; returns how many inputs it
   * hashed (a multiple of LANES), the rest is left to the scalar path.
   */
  int keyedHash64(int[] key, int flags, byte[] in, int inOff, int count, byte[] out, int outOff) {
    setKey(key);
    Arrays.fill(counterLo, 0);
    Arrays.fill(counterHi, 0);
    MemorySegment src = MemorySegment.ofArray(in);
    MemorySegment dst = MemorySegment.ofArray(out);
    int groups = count / LANES;
    for (int g = 0; g < groups; g++) {
      loadBlocks(src, inOff + g * LANES * BLOCK_LEN, BLOCK_LEN);
      compress(keyCv, msg, counterLo, counterHi, BLOCK_LEN, flags, cv);
      storeChainingValues(dst, outOff + g * LANES * 32);
    }
    return groups * LANES;
  }

  /**
   * Root hashes (32 bytes) of whole groups of LANES inputs of equal {@code length <= 1024} (one
   * chunk each); returns how many inputs it hashed.
   */
  int singleChunkRoots(
      int[] key, int flags, byte[] in, int inOff, int length, int count, byte[] out, int outOff) {
    setKey(key);
    Arrays.fill(counterLo, 0);
    Arrays.fill(counterHi, 0);
    MemorySegment src = MemorySegment.ofArray(in);
    MemorySegment dst = MemorySegment.ofArray(out);
    MemorySegment pad = MemorySegment.ofArray(padded);
    int lastBlock = length == 0 ? 0 : (length - 1) / BLOCK_LEN;
    int tail = length - BLOCK_LEN * lastBlock;
    int groups = count / LANES;
    for (int g = 0; g < groups; g++) {
      int base = inOff + g * LANES * length;
      int[] from = keyCv;
      for (int b = 0; b <= lastBlock; b++) {
        int f = flags | (b == 0 ? CHUNK_START : 0) | (b == lastBlock ? CHUNK_END | ROOT : 0);
        int blockLen = b == lastBlock ? tail : BLOCK_LEN;
        if (blockLen == BLOCK_LEN) {
          loadBlocks(src, base + b * BLOCK_LEN, length);
        } else {
          Arrays.fill(padded, (byte) 0);
          for (int j = 0; j < LANES; j++) {
            System.arraycopy(
                in, base + j * length + b * BLOCK_LEN, padded, j * BLOCK_LEN, blockLen);
          }
          loadBlocks(pad, 0, BLOCK_LEN);
        }
        compress(from, msg, counterLo, counterHi, blockLen, f, cv);
        from = cv;
      }
      storeChainingValues(dst, outOff + g * LANES * 32);
    }
    return groups * LANES;
  }

  /**
   * Chaining values (non-root) of LANES consecutive whole chunks starting at {@code in[off]} with
   * chunk counters {@code firstChunk, firstChunk + 1, ...}: chunk {@code j}'s value goes to {@code
   * cvs[8 j, +8)}.
   */
  void chunkChainingValues(int[] key, int flags, byte[] in, int off, long firstChunk, int[] cvs) {
    setKey(key);
    for (int j = 0; j < LANES; j++) {
      long c = firstChunk + j;
      counterLo[j] = (int) c;
      counterHi[j] = (int) (c >>> 32);
    }
    MemorySegment src = MemorySegment.ofArray(in);
    int last = CHUNK_LEN / BLOCK_LEN - 1;
    int[] from = keyCv;
    for (int b = 0; b <= last; b++) {
      int f = flags | (b == 0 ? CHUNK_START : 0) | (b == last ? CHUNK_END : 0);
      loadBlocks(src, off + b * BLOCK_LEN, CHUNK_LEN);
      compress(from, msg, counterLo, counterHi, BLOCK_LEN, f, cv);
      from = cv;
    }
    for (int j = 0; j < LANES; j++) {
      for (int w = 0; w < 8; w++) {
        cvs[8 * j + w] = cv[w * LANES + j];
      }
    }
  }

  private void setKey(int[] key) {
    if (key != keyOfKeyCv) {
      for (int w = 0; w < 8; w++) {
        Arrays.fill(keyCv, w * LANES, (w + 1) * LANES, key[w]);
      }
      keyOfKeyCv = key;
    }
  }

  /** Transposes the 64-byte blocks at {@code base + stride j} (lane j) into {@link #msg}. */
  private void loadBlocks(MemorySegment src, int base, int stride) {
    for (int j = 0; j < LANES; j++) {
      for (int h = 0; h < 16; h += LANES) {
        IntVector.fromMemorySegment(
                S, src, base + (long) stride * j + 4L * h, ByteOrder.LITTLE_ENDIAN)
            .intoArray(msg, j + h * LANES, SCATTER, 0);
      }
    }
  }

  /** Writes the LANES chaining values in {@link #cv} as consecutive 32-byte outputs. */
  private void storeChainingValues(MemorySegment dst, int outOff) {
    int perVector = LANES / 8;
    for (int k = 0; k < 8; k++) {
      IntVector.fromArray(S, cv, k * perVector, GATHER, 0)
          .intoMemorySegment(dst, outOff + 4L * LANES * k, ByteOrder.LITTLE_ENDIAN);
    }
  }

  private static IntVector xorRor(IntVector x, IntVector y, int n) {
    return x.lanewise(XOR, y).lanewise(ROR, n);
  }

  /**
   * LANES compressions: chaining values {@code cvIn} and message {@code m} word-major, per-lane
   * counter words, common block length and flags. Writes the new chaining values word-major to
   * {@code cvOut}, which may be {@code cvIn}.
   */
  static void compress(
      int[] cvIn, int[] m, int[] ctrLo, int[] ctrHi, int blockLen, int flags, int[] cvOut) {
    IntVector v0 = IntVector.fromArray(S, cvIn, 0);
    IntVector v1 = IntVector.fromArray(S, cvIn, LANES);
    IntVector v2 = IntVector.fromArray(S, cvIn, 2 * LANES);
    IntVector v3 = IntVector.fromArray(S, cvIn, 3 * LANES);
    IntVector v4 = IntVector.fromArray(S, cvIn, 4 * LANES);
    IntVector v5 = IntVector.fromArray(S, cvIn, 5 * LANES);
    IntVector v6 = IntVector.fromArray(S, cvIn, 6 * LANES);
    IntVector v7 = IntVector.fromArray(S, cvIn, 7 * LANES);
    IntVector v8 = IntVector.broadcast(S, IV0);
    IntVector v9 = IntVector.broadcast(S, IV1);
    IntVector v10 = IntVector.broadcast(S, IV2);
    IntVector v11 = IntVector.broadcast(S, IV3);
    IntVector v12 = IntVector.fromArray(S, ctrLo, 0);
    IntVector v13 = IntVector.fromArray(S, ctrHi, 0);
    IntVector v14 = IntVector.broadcast(S, blockLen);
    IntVector v15 = IntVector.broadcast(S, flags);
    IntVector m0 = IntVector.fromArray(S, m, 0);
    IntVector m1 = IntVector.fromArray(S, m, LANES);
    IntVector m2 = IntVector.fromArray(S, m, 2 * LANES);
    IntVector m3 = IntVector.fromArray(S, m, 3 * LANES);
    IntVector m4 = IntVector.fromArray(S, m, 4 * LANES);
    IntVector m5 = IntVector.fromArray(S, m, 5 * LANES);
    IntVector m6 = IntVector.fromArray(S, m, 6 * LANES);
    IntVector m7 = IntVector.fromArray(S, m, 7 * LANES);
    IntVector m8 = IntVector.fromArray(S, m, 8 * LANES);
    IntVector m9 = IntVector.fromArray(S, m, 9 * LANES);
    IntVector m10 = IntVector.fromArray(S, m, 10 * LANES);
    IntVector m11 = IntVector.fromArray(S, m, 11 * LANES);
    IntVector m12 = IntVector.fromArray(S, m, 12 * LANES);
    IntVector m13 = IntVector.fromArray(S, m, 13 * LANES);
    IntVector m14 = IntVector.fromArray(S, m, 14 * LANES);
    IntVector m15 = IntVector.fromArray(S, m, 15 * LANES);
    // generated rounds: scripts/codegen/blake3_rounds.py vector
    // round 0
    v0 = v0.add(v4).add(m0);
    v12 = xorRor(v12, v0, 16);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 12);
    v0 = v0.add(v4).add(m1);
    v12 = xorRor(v12, v0, 8);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 7);
    v1 = v1.add(v5).add(m2);
    v13 = xorRor(v13, v1, 16);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 12);
    v1 = v1.add(v5).add(m3);
    v13 = xorRor(v13, v1, 8);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 7);
    v2 = v2.add(v6).add(m4);
    v14 = xorRor(v14, v2, 16);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 12);
    v2 = v2.add(v6).add(m5);
    v14 = xorRor(v14, v2, 8);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 7);
    v3 = v3.add(v7).add(m6);
    v15 = xorRor(v15, v3, 16);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 12);
    v3 = v3.add(v7).add(m7);
    v15 = xorRor(v15, v3, 8);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 7);
    v0 = v0.add(v5).add(m8);
    v15 = xorRor(v15, v0, 16);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 12);
    v0 = v0.add(v5).add(m9);
    v15 = xorRor(v15, v0, 8);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 7);
    v1 = v1.add(v6).add(m10);
    v12 = xorRor(v12, v1, 16);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 12);
    v1 = v1.add(v6).add(m11);
    v12 = xorRor(v12, v1, 8);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 7);
    v2 = v2.add(v7).add(m12);
    v13 = xorRor(v13, v2, 16);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 12);
    v2 = v2.add(v7).add(m13);
    v13 = xorRor(v13, v2, 8);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 7);
    v3 = v3.add(v4).add(m14);
    v14 = xorRor(v14, v3, 16);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 12);
    v3 = v3.add(v4).add(m15);
    v14 = xorRor(v14, v3, 8);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 7);
    // round 1
    v0 = v0.add(v4).add(m2);
    v12 = xorRor(v12, v0, 16);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 12);
    v0 = v0.add(v4).add(m6);
    v12 = xorRor(v12, v0, 8);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 7);
    v1 = v1.add(v5).add(m3);
    v13 = xorRor(v13, v1, 16);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 12);
    v1 = v1.add(v5).add(m10);
    v13 = xorRor(v13, v1, 8);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 7);
    v2 = v2.add(v6).add(m7);
    v14 = xorRor(v14, v2, 16);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 12);
    v2 = v2.add(v6).add(m0);
    v14 = xorRor(v14, v2, 8);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 7);
    v3 = v3.add(v7).add(m4);
    v15 = xorRor(v15, v3, 16);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 12);
    v3 = v3.add(v7).add(m13);
    v15 = xorRor(v15, v3, 8);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 7);
    v0 = v0.add(v5).add(m1);
    v15 = xorRor(v15, v0, 16);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 12);
    v0 = v0.add(v5).add(m11);
    v15 = xorRor(v15, v0, 8);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 7);
    v1 = v1.add(v6).add(m12);
    v12 = xorRor(v12, v1, 16);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 12);
    v1 = v1.add(v6).add(m5);
    v12 = xorRor(v12, v1, 8);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 7);
    v2 = v2.add(v7).add(m9);
    v13 = xorRor(v13, v2, 16);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 12);
    v2 = v2.add(v7).add(m14);
    v13 = xorRor(v13, v2, 8);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 7);
    v3 = v3.add(v4).add(m15);
    v14 = xorRor(v14, v3, 16);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 12);
    v3 = v3.add(v4).add(m8);
    v14 = xorRor(v14, v3, 8);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 7);
    // round 2
    v0 = v0.add(v4).add(m3);
    v12 = xorRor(v12, v0, 16);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 12);
    v0 = v0.add(v4).add(m4);
    v12 = xorRor(v12, v0, 8);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 7);
    v1 = v1.add(v5).add(m10);
    v13 = xorRor(v13, v1, 16);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 12);
    v1 = v1.add(v5).add(m12);
    v13 = xorRor(v13, v1, 8);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 7);
    v2 = v2.add(v6).add(m13);
    v14 = xorRor(v14, v2, 16);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 12);
    v2 = v2.add(v6).add(m2);
    v14 = xorRor(v14, v2, 8);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 7);
    v3 = v3.add(v7).add(m7);
    v15 = xorRor(v15, v3, 16);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 12);
    v3 = v3.add(v7).add(m14);
    v15 = xorRor(v15, v3, 8);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 7);
    v0 = v0.add(v5).add(m6);
    v15 = xorRor(v15, v0, 16);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 12);
    v0 = v0.add(v5).add(m5);
    v15 = xorRor(v15, v0, 8);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 7);
    v1 = v1.add(v6).add(m9);
    v12 = xorRor(v12, v1, 16);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 12);
    v1 = v1.add(v6).add(m0);
    v12 = xorRor(v12, v1, 8);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 7);
    v2 = v2.add(v7).add(m11);
    v13 = xorRor(v13, v2, 16);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 12);
    v2 = v2.add(v7).add(m15);
    v13 = xorRor(v13, v2, 8);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 7);
    v3 = v3.add(v4).add(m8);
    v14 = xorRor(v14, v3, 16);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 12);
    v3 = v3.add(v4).add(m1);
    v14 = xorRor(v14, v3, 8);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 7);
    // round 3
    v0 = v0.add(v4).add(m10);
    v12 = xorRor(v12, v0, 16);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 12);
    v0 = v0.add(v4).add(m7);
    v12 = xorRor(v12, v0, 8);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 7);
    v1 = v1.add(v5).add(m12);
    v13 = xorRor(v13, v1, 16);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 12);
    v1 = v1.add(v5).add(m9);
    v13 = xorRor(v13, v1, 8);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 7);
    v2 = v2.add(v6).add(m14);
    v14 = xorRor(v14, v2, 16);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 12);
    v2 = v2.add(v6).add(m3);
    v14 = xorRor(v14, v2, 8);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 7);
    v3 = v3.add(v7).add(m13);
    v15 = xorRor(v15, v3, 16);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 12);
    v3 = v3.add(v7).add(m15);
    v15 = xorRor(v15, v3, 8);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 7);
    v0 = v0.add(v5).add(m4);
    v15 = xorRor(v15, v0, 16);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 12);
    v0 = v0.add(v5).add(m0);
    v15 = xorRor(v15, v0, 8);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 7);
    v1 = v1.add(v6).add(m11);
    v12 = xorRor(v12, v1, 16);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 12);
    v1 = v1.add(v6).add(m2);
    v12 = xorRor(v12, v1, 8);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 7);
    v2 = v2.add(v7).add(m5);
    v13 = xorRor(v13, v2, 16);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 12);
    v2 = v2.add(v7).add(m8);
    v13 = xorRor(v13, v2, 8);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 7);
    v3 = v3.add(v4).add(m1);
    v14 = xorRor(v14, v3, 16);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 12);
    v3 = v3.add(v4).add(m6);
    v14 = xorRor(v14, v3, 8);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 7);
    // round 4
    v0 = v0.add(v4).add(m12);
    v12 = xorRor(v12, v0, 16);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 12);
    v0 = v0.add(v4).add(m13);
    v12 = xorRor(v12, v0, 8);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 7);
    v1 = v1.add(v5).add(m9);
    v13 = xorRor(v13, v1, 16);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 12);
    v1 = v1.add(v5).add(m11);
    v13 = xorRor(v13, v1, 8);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 7);
    v2 = v2.add(v6).add(m15);
    v14 = xorRor(v14, v2, 16);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 12);
    v2 = v2.add(v6).add(m10);
    v14 = xorRor(v14, v2, 8);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 7);
    v3 = v3.add(v7).add(m14);
    v15 = xorRor(v15, v3, 16);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 12);
    v3 = v3.add(v7).add(m8);
    v15 = xorRor(v15, v3, 8);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 7);
    v0 = v0.add(v5).add(m7);
    v15 = xorRor(v15, v0, 16);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 12);
    v0 = v0.add(v5).add(m2);
    v15 = xorRor(v15, v0, 8);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 7);
    v1 = v1.add(v6).add(m5);
    v12 = xorRor(v12, v1, 16);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 12);
    v1 = v1.add(v6).add(m3);
    v12 = xorRor(v12, v1, 8);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 7);
    v2 = v2.add(v7).add(m0);
    v13 = xorRor(v13, v2, 16);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 12);
    v2 = v2.add(v7).add(m1);
    v13 = xorRor(v13, v2, 8);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 7);
    v3 = v3.add(v4).add(m6);
    v14 = xorRor(v14, v3, 16);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 12);
    v3 = v3.add(v4).add(m4);
    v14 = xorRor(v14, v3, 8);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 7);
    // round 5
    v0 = v0.add(v4).add(m9);
    v12 = xorRor(v12, v0, 16);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 12);
    v0 = v0.add(v4).add(m14);
    v12 = xorRor(v12, v0, 8);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 7);
    v1 = v1.add(v5).add(m11);
    v13 = xorRor(v13, v1, 16);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 12);
    v1 = v1.add(v5).add(m5);
    v13 = xorRor(v13, v1, 8);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 7);
    v2 = v2.add(v6).add(m8);
    v14 = xorRor(v14, v2, 16);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 12);
    v2 = v2.add(v6).add(m12);
    v14 = xorRor(v14, v2, 8);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 7);
    v3 = v3.add(v7).add(m15);
    v15 = xorRor(v15, v3, 16);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 12);
    v3 = v3.add(v7).add(m1);
    v15 = xorRor(v15, v3, 8);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 7);
    v0 = v0.add(v5).add(m13);
    v15 = xorRor(v15, v0, 16);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 12);
    v0 = v0.add(v5).add(m3);
    v15 = xorRor(v15, v0, 8);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 7);
    v1 = v1.add(v6).add(m0);
    v12 = xorRor(v12, v1, 16);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 12);
    v1 = v1.add(v6).add(m10);
    v12 = xorRor(v12, v1, 8);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 7);
    v2 = v2.add(v7).add(m2);
    v13 = xorRor(v13, v2, 16);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 12);
    v2 = v2.add(v7).add(m6);
    v13 = xorRor(v13, v2, 8);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 7);
    v3 = v3.add(v4).add(m4);
    v14 = xorRor(v14, v3, 16);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 12);
    v3 = v3.add(v4).add(m7);
    v14 = xorRor(v14, v3, 8);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 7);
    // round 6
    v0 = v0.add(v4).add(m11);
    v12 = xorRor(v12, v0, 16);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 12);
    v0 = v0.add(v4).add(m15);
    v12 = xorRor(v12, v0, 8);
    v8 = v8.add(v12);
    v4 = xorRor(v4, v8, 7);
    v1 = v1.add(v5).add(m5);
    v13 = xorRor(v13, v1, 16);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 12);
    v1 = v1.add(v5).add(m0);
    v13 = xorRor(v13, v1, 8);
    v9 = v9.add(v13);
    v5 = xorRor(v5, v9, 7);
    v2 = v2.add(v6).add(m1);
    v14 = xorRor(v14, v2, 16);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 12);
    v2 = v2.add(v6).add(m9);
    v14 = xorRor(v14, v2, 8);
    v10 = v10.add(v14);
    v6 = xorRor(v6, v10, 7);
    v3 = v3.add(v7).add(m8);
    v15 = xorRor(v15, v3, 16);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 12);
    v3 = v3.add(v7).add(m6);
    v15 = xorRor(v15, v3, 8);
    v11 = v11.add(v15);
    v7 = xorRor(v7, v11, 7);
    v0 = v0.add(v5).add(m14);
    v15 = xorRor(v15, v0, 16);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 12);
    v0 = v0.add(v5).add(m10);
    v15 = xorRor(v15, v0, 8);
    v10 = v10.add(v15);
    v5 = xorRor(v5, v10, 7);
    v1 = v1.add(v6).add(m2);
    v12 = xorRor(v12, v1, 16);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 12);
    v1 = v1.add(v6).add(m12);
    v12 = xorRor(v12, v1, 8);
    v11 = v11.add(v12);
    v6 = xorRor(v6, v11, 7);
    v2 = v2.add(v7).add(m3);
    v13 = xorRor(v13, v2, 16);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 12);
    v2 = v2.add(v7).add(m4);
    v13 = xorRor(v13, v2, 8);
    v8 = v8.add(v13);
    v7 = xorRor(v7, v8, 7);
    v3 = v3.add(v4).add(m7);
    v14 = xorRor(v14, v3, 16);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 12);
    v3 = v3.add(v4).add(m13);
    v14 = xorRor(v14, v3, 8);
    v9 = v9.add(v14);
    v4 = xorRor(v4, v9, 7);
    // end of generated rounds
    v0.lanewise(XOR, v8).intoArray(cvOut, 0);
    v1.lanewise(XOR, v9).intoArray(cvOut, LANES);
    v2.lanewise(XOR, v10).intoArray(cvOut, 2 * LANES);
    v3.lanewise(XOR, v11).intoArray(cvOut, 3 * LANES);
    v4.lanewise(XOR, v12).intoArray(cvOut, 4 * LANES);
    v5.lanewise(XOR, v13).intoArray(cvOut, 5 * LANES);
    v6.lanewise(XOR, v14).intoArray(cvOut, 6 * LANES);
    v7.lanewise(XOR, v15).intoArray(cvOut, 7 * LANES);
  }
}
