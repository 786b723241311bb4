package dev.annals.kernel.java;

import static dev.annals.kernel.java.Blake3Compression.BLOCK_LEN;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_END;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_LEN;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_START;
import static dev.annals.kernel.java.Blake3Compression.PARENT;
import static dev.annals.kernel.java.Blake3Compression.ROOT;

import dev.annals.kernel.Blake3Hasher;
import java.util.Arrays;
import java.util.Objects;

/**
 * Incremental BLAKE3 over any sequence of updates. Whole chunks and whole blocks are compressed
 * straight from the caller's array; only a block that may turn out to be the last one of the input
 * is buffered, because its flags depend on whether more input follows.
 */
final class JavaBlake3Hasher implements Blake3Hasher {
  /** 2^54 chunks of 1 KiB exceed any input length a long can count. */
  private static final int MAX_DEPTH = 54;

  private final int[] key;
  private final int flags;

  /** Chaining value of the current chunk; 16 words because compression writes 16. */
  private final int[] cv = new int[16];

  private final byte[] block = new byte[BLOCK_LEN];
  private int blockLen;
  private int blocksCompressed;
  private long chunkCounter;

  /** Chaining values of completed subtrees, 8 words each, plus room for one compression output. */
  private int[] stack;

  private int stackLen;

  /**
   * @param key the eight key words (IV for plain hashing); not copied, never modified
   * @param flags the mode flag (0, KEYED_HASH or a DERIVE_KEY flag)
   */
  JavaBlake3Hasher(int[] key, int flags) {
    this.key = key;
    this.flags = flags;
    System.arraycopy(key, 0, cv, 0, 8);
  }

  @Override
  public Blake3Hasher update(byte[] input, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, input.length);
    int off = offset;
    int len = length;
    while (len > 0) {
      if (blocksCompressed * BLOCK_LEN + blockLen == CHUNK_LEN) {
        // The chunk is full and more input follows, so it is not the root.
        Blake3Compression.compressBytes(
            cv, 0, block, 0, chunkCounter, BLOCK_LEN, flags | CHUNK_END, cv, 0);
        pushChunk();
      }
      if (blocksCompressed == 0 && blockLen == 0 && len > CHUNK_LEN) {
        compressWholeChunk(input, off);
        pushChunk();
        off += CHUNK_LEN;
        len -= CHUNK_LEN;
        continue;
      }
      if (blockLen == BLOCK_LEN) {
        compressBufferedBlock();
      }
      // Blocks followed by more input in the same chunk are neither last nor buffered.
      while (blockLen == 0 && len > BLOCK_LEN && blocksCompressed < CHUNK_LEN / BLOCK_LEN - 1) {
        Blake3Compression.compressBytes(
            cv, 0, input, off, chunkCounter, BLOCK_LEN, flags | startFlag(), cv, 0);
        blocksCompressed++;
        off += BLOCK_LEN;
        len -= BLOCK_LEN;
      }
      int take = Math.min(BLOCK_LEN - blockLen, len);
      System.arraycopy(input, off, block, blockLen, take);
      blockLen += take;
      off += take;
      len -= take;
    }
    return this;
  }

  @Override
  public void finish(byte[] out, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, out.length);
    int[] outCv = new int[16];
    int[] words = new int[16 + 8];
    System.arraycopy(cv, 0, outCv, 0, 8);
    Arrays.fill(block, blockLen, BLOCK_LEN, (byte) 0);
    for (int i = 0; i < 16; i++) {
      words[i] = Blake3Compression.readLe(block, 4 * i);
    }
    long counter = chunkCounter;
    int len = blockLen;
    int outFlags = flags | CHUNK_END | startFlag();
    for (int i = stackLen - 1; i >= 0; i--) {
      Blake3Compression.compressWords(outCv, 0, words, 0, counter, len, outFlags, words, 8);
      System.arraycopy(stack, 8 * i, words, 0, 8);
      System.arraycopy(key, 0, outCv, 0, 8);
      counter = 0;
      len = BLOCK_LEN;
      outFlags = flags | PARENT;
    }
    int[] rootWords = new int[16];
    int written = 0;
    for (long t = 0; written < length; t++) {
      Blake3Compression.compressWords(outCv, 0, words, 0, t, len, outFlags | ROOT, rootWords, 0);
      int n = Math.min(BLOCK_LEN, length - written);
      writeWords(rootWords, out, offset + written, n);
      written += n;
    }
  }

  /** Writes the first {@code n} bytes of the little-endian encoding of {@code words}. */
  static void writeWords(int[] words, byte[] out, int offset, int n) {
    int whole = n >>> 2;
    for (int i = 0; i < whole; i++) {
      Blake3Compression.writeLe(out, offset + 4 * i, words[i]);
    }
    for (int i = whole * 4; i < n; i++) {
      out[offset + i] = (byte) (words[i >>> 2] >>> (8 * (i & 3)));
    }
  }

  private int startFlag() {
    return blocksCompressed == 0 ? CHUNK_START : 0;
  }

  private void compressBufferedBlock() {
    Blake3Compression.compressBytes(
        cv, 0, block, 0, chunkCounter, BLOCK_LEN, flags | startFlag(), cv, 0);
    blocksCompressed++;
    blockLen = 0;
  }

  private void compressWholeChunk(byte[] input, int off) {
    int last = CHUNK_LEN / BLOCK_LEN - 1;
    for (int b = 0; b <= last; b++) {
      int f = flags | (b == 0 ? CHUNK_START : 0) | (b == last ? CHUNK_END : 0);
      Blake3Compression.compressBytes(
          cv, 0, input, off + BLOCK_LEN * b, chunkCounter, BLOCK_LEN, f, cv, 0);
    }
  }

  /**
   * Pushes the finished chunk's chaining value and merges every subtree that the new chunk count
   * completes (one merge per trailing zero bit of the count), then starts the next chunk.
   */
  private void pushChunk() {
    if (stack == null) {
      stack = new int[8 * MAX_DEPTH + 8];
    }
    System.arraycopy(cv, 0, stack, 8 * stackLen, 8);
    stackLen++;
    long total = ++chunkCounter;
    while ((total & 1) == 0) {
      int left = 8 * (stackLen - 2);
      // In place: the two children are the message; the parent lands over the left one.
      Blake3Compression.compressWords(
          key, 0, stack, left, 0, BLOCK_LEN, flags | PARENT, stack, left);
      stackLen--;
      total >>>= 1;
    }
    System.arraycopy(key, 0, cv, 0, 8);
    blockLen = 0;
    blocksCompressed = 0;
  }
}
