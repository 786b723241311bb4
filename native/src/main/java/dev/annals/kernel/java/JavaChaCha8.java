package dev.annals.kernel.java;

import dev.annals.kernel.ChaCha8;

/** Pure-Java ChaCha8, one 64-byte block at a time. */
public final class JavaChaCha8 implements ChaCha8 {
  private static final int ROUNDS = 8;
  private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

  @Override
  public String name() {
    return "java";
  }

  @Override
  public void keystream(byte[] key, long firstBlock, byte[] out, int offset, int length) {
    if (key.length != KEY_LEN) {
      throw new IllegalArgumentException("ChaCha8 key must be 32 bytes, got " + key.length);
    }
    if (firstBlock < 0) {
      throw new IllegalArgumentException("ChaCha8 block counter must be >= 0, got " + firstBlock);
    }
    java.util.Objects.checkFromIndexSize(offset, length, out.length);
    int[] state = new int[16];
    System.arraycopy(SIGMA, 0, state, 0, 4);
    for (int i = 0; i < 8; i++) {
      state[4 + i] = littleEndianInt(key, 4 * i);
    }
    int[] block = new int[16];
    long counter = firstBlock;
    int written = 0;
    while (written < length) {
      state[12] = (int) counter;
      state[13] = (int) (counter >>> 32);
      computeBlock(state, block);
      int n = Math.min(BLOCK_LEN, length - written);
      for (int i = 0; i < n; i++) {
        out[offset + written + i] = (byte) (block[i >>> 2] >>> (8 * (i & 3)));
      }
      written += n;
      counter++;
    }
  }

  private static void computeBlock(int[] state, int[] x) {
    System.arraycopy(state, 0, x, 0, 16);
    for (int i = 0; i < ROUNDS; i += 2) {
      quarterRound(x, 0, 4, 8, 12);
      quarterRound(x, 1, 5, 9, 13);
      quarterRound(x, 2, 6, 10, 14);
      quarterRound(x, 3, 7, 11, 15);
      quarterRound(x, 0, 5, 10, 15);
      quarterRound(x, 1, 6, 11, 12);
      quarterRound(x, 2, 7, 8, 13);
      quarterRound(x, 3, 4, 9, 14);
    }
    for (int i = 0; i < 16; i++) {
      x[i] += state[i];
    }
  }

  private static void quarterRound(int[] x, int a, int b, int c, int d) {
    x[a] += x[b];
    x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
    x[c] += x[d];
    x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
    x[a] += x[b];
    x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
    x[c] += x[d];
    x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
  }

  private static int littleEndianInt(byte[] b, int i) {
    return (b[i] & 0xff)
        | (b[i + 1] & 0xff) << 8
        | (b[i + 2] & 0xff) << 16
        | (b[i + 3] & 0xff) << 24;
  }
}
