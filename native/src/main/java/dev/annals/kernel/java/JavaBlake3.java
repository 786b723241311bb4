package dev.annals.kernel.java;

import static dev.annals.kernel.java.Blake3Compression.BLOCK_LEN;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_END;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_LEN;
import static dev.annals.kernel.java.Blake3Compression.CHUNK_START;
import static dev.annals.kernel.java.Blake3Compression.DERIVE_KEY_CONTEXT;
import static dev.annals.kernel.java.Blake3Compression.DERIVE_KEY_MATERIAL;
import static dev.annals.kernel.java.Blake3Compression.KEYED_HASH;
import static dev.annals.kernel.java.Blake3Compression.ROOT;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Blake3Hasher;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Annals' own pure-Java BLAKE3 (scalar). Inputs of at most one chunk, the common case in the
 * protocol, skip the incremental hasher and its tree stack entirely.
 */
public final class JavaBlake3 implements Blake3 {
  private static final int[] IV = Blake3Compression.iv();

  @Override
  public String name() {
    return "java";
  }

  @Override
  public Blake3Hasher newHasher() {
    return new JavaBlake3Hasher(IV, 0);
  }

  @Override
  public Blake3Hasher newKeyedHasher(byte[] key) {
    return new JavaBlake3Hasher(keyWords(key), KEYED_HASH);
  }

  @Override
  public Blake3Hasher newDeriveKeyHasher(String context) {
    byte[] contextBytes = context.getBytes(StandardCharsets.UTF_8);
    byte[] contextKey = new byte[OUT_LEN];
    new JavaBlake3Hasher(IV, DERIVE_KEY_CONTEXT)
        .update(contextBytes, 0, contextBytes.length)
        .finish(contextKey, 0, OUT_LEN);
    return new JavaBlake3Hasher(keyWords(contextKey), DERIVE_KEY_MATERIAL);
  }

  @Override
  public byte[] hash(byte[] input, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, input.length);
    if (length > CHUNK_LEN) {
      return Blake3.super.hash(input, offset, length);
    }
    byte[] out = new byte[OUT_LEN];
    singleChunkRoot(IV, 0, input, offset, length, new int[16], new byte[BLOCK_LEN], out, 0);
    return out;
  }

  @Override
  public byte[] keyedHash(byte[] key, byte[] input) {
    if (input.length > CHUNK_LEN) {
      return Blake3.super.keyedHash(key, input);
    }
    byte[] out = new byte[OUT_LEN];
    singleChunkRoot(
        keyWords(key),
        KEYED_HASH,
        input,
        0,
        input.length,
        new int[16],
        new byte[BLOCK_LEN],
        out,
        0);
    return out;
  }

  @Override
  public void keyedHash64Batch(
      byte[] key, byte[] inputs, int inOffset, int count, byte[] out, int outOffset) {
    checkBatch(inputs, inOffset, BLOCK_LEN, count, out, outOffset);
    keyedHash64Scalar(keyWords(key), inputs, inOffset, count, out, outOffset);
  }

  /** The scalar form of {@link #keyedHash64Batch} for an already decoded key. */
  static void keyedHash64Scalar(
      int[] key, byte[] inputs, int inOffset, int count, byte[] out, int outOffset) {
    int[] words = new int[16];
    int flags = CHUNK_START | CHUNK_END | ROOT | KEYED_HASH;
    for (int i = 0; i < count; i++) {
      Blake3Compression.compressBytes(
          key, 0, inputs, inOffset + BLOCK_LEN * i, 0, BLOCK_LEN, flags, words, 0);
      JavaBlake3Hasher.writeWords(words, out, outOffset + OUT_LEN * i, OUT_LEN);
    }
  }

  @Override
  public void hashBatch(
      byte[] inputs, int inOffset, int length, int count, byte[] out, int outOffset) {
    if (length < 0) {
      throw new IllegalArgumentException("BLAKE3 batch input length must be >= 0, got " + length);
    }
    checkBatch(inputs, inOffset, length, count, out, outOffset);
    if (length > CHUNK_LEN) {
      Blake3.super.hashBatch(inputs, inOffset, length, count, out, outOffset);
      return;
    }
    int[] cv = new int[16];
    byte[] pad = new byte[BLOCK_LEN];
    for (int i = 0; i < count; i++) {
      singleChunkRoot(
          IV, 0, inputs, inOffset + length * i, length, cv, pad, out, outOffset + OUT_LEN * i);
    }
  }

  /**
   * The 32-byte root hash of an input of at most one chunk: the chunk's blocks compressed in order,
   * the last one (zero-padded if short) with CHUNK_END and ROOT.
   *
   * @param cv scratch of 16 words
   * @param pad scratch of 64 bytes for a short last block
   */
  static void singleChunkRoot(
      int[] key,
      int flags,
      byte[] input,
      int offset,
      int length,
      int[] cv,
      byte[] pad,
      byte[] out,
      int outOffset) {
    System.arraycopy(key, 0, cv, 0, 8);
    int lastBlock = length == 0 ? 0 : (length - 1) / BLOCK_LEN;
    for (int b = 0; b < lastBlock; b++) {
      int f = flags | (b == 0 ? CHUNK_START : 0);
      Blake3Compression.compressBytes(cv, 0, input, offset + BLOCK_LEN * b, 0, BLOCK_LEN, f, cv, 0);
    }
    int tail = length - BLOCK_LEN * lastBlock;
    int f = flags | (lastBlock == 0 ? CHUNK_START : 0) | CHUNK_END | ROOT;
    if (tail == BLOCK_LEN) {
      Blake3Compression.compressBytes(
          cv, 0, input, offset + BLOCK_LEN * lastBlock, 0, BLOCK_LEN, f, cv, 0);
    } else {
      System.arraycopy(input, offset + BLOCK_LEN * lastBlock, pad, 0, tail);
      java.util.Arrays.fill(pad, tail, BLOCK_LEN, (byte) 0);
      Blake3Compression.compressBytes(cv, 0, pad, 0, 0, tail, f, cv, 0);
    }
    JavaBlake3Hasher.writeWords(cv, out, outOffset, OUT_LEN);
  }

  static int[] keyWords(byte[] key) {
    if (key.length != KEY_LEN) {
      throw new IllegalArgumentException("BLAKE3 key must be 32 bytes, got " + key.length);
    }
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = Blake3Compression.readLe(key, 4 * i);
    }
    return words;
  }

  static void checkBatch(
      byte[] inputs, int inOffset, int length, int count, byte[] out, int outOffset) {
    if (count < 0) {
      throw new IllegalArgumentException("BLAKE3 batch count must be >= 0, got " + count);
    }
    Objects.checkFromIndexSize(inOffset, (long) length * count, inputs.length);
    Objects.checkFromIndexSize(outOffset, (long) OUT_LEN * count, out.length);
  }
}
