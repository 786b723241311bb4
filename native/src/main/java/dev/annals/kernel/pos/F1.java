package dev.annals.kernel.pos;

import dev.annals.kernel.ChaCha8;

/**
 * Chia's f1: the ChaCha8 keystream keyed by the seed is read as one big-endian bit string; x's y is
 * the k bits at bit x·k, followed by the top 6 bits of x.
 */
final class F1 {
  private F1() {}

  /** Bytes of keystream table 1 needs (k·2^k bits), plus 8 bytes of slack for 64-bit reads. */
  static int keystreamBufferLength(int k) {
    return (int) (((long) k << k) >>> 3) + 8;
  }

  /**
   * Fills {@code keystream} with the first k·2^k bits of keystream for {@code seed}, using up to
   * {@code threads} threads (blocks are independent, so ranges are split by block).
   */
  static void keystream(ChaCha8 chacha, byte[] seed, int k, byte[] keystream, int threads) {
    int length = keystreamBufferLength(k) - 8;
    int blocks = (length + ChaCha8.BLOCK_LEN - 1) / ChaCha8.BLOCK_LEN;
    ParallelRanges.run(
        threads,
        blocks,
        (fromBlock, toBlock) -> {
          int from = fromBlock * ChaCha8.BLOCK_LEN;
          int to = Math.min(length, toBlock * ChaCha8.BLOCK_LEN);
          chacha.keystream(seed, fromBlock, keystream, from, to - from);
        });
  }

  /** y of x given the table-1 keystream. */
  static int y(byte[] keystream, int k, int x) {
    long bit = (long) x * k;
    long v = (long) BitWriter.LONG_BE.get(keystream, (int) (bit >>> 3));
    int partial = (int) ((v << (bit & 7)) >>> (64 - k));
    return (partial << ChiaConstants.PARAM_EXT) | (x >>> (k - ChiaConstants.PARAM_EXT));
  }

  /**
   * y of a single x without the whole keystream: generates the (at most two) ChaCha8 blocks holding
   * its bits. {@code scratch} must hold at least 128 bytes.
   */
  static int single(ChaCha8 chacha, byte[] seed, int k, int x, byte[] scratch) {
    long bit = (long) x * k;
    long firstByte = bit >>> 3;
    long block = firstByte / ChaCha8.BLOCK_LEN;
    int inBlock = (int) (firstByte % ChaCha8.BLOCK_LEN);
    // k ≤ 25 bits from any bit offset fit in 4 bytes; two blocks cover a straddle.
    int needed = inBlock + 4 <= ChaCha8.BLOCK_LEN ? ChaCha8.BLOCK_LEN : 2 * ChaCha8.BLOCK_LEN;
    chacha.keystream(seed, block, scratch, 0, needed);
    int shift = (int) (bit & 7);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (scratch[inBlock + i] & 0xffL);
    }
    int partial = (int) (((v << 32) << shift) >>> (64 - k));
    return (partial << ChiaConstants.PARAM_EXT) | (x >>> (k - ChiaConstants.PARAM_EXT));
  }
}
