package dev.annals.kernel;

/**
 * The ChaCha keystream with 8 rounds: constants "expand 32-byte k", a 32-byte key, a block counter
 * from 0 and a zero nonce, output words little-endian. With a zero nonce the IETF layout (32-bit
 * counter) and the original layout (64-bit counter) give the same bytes for the first 2^32 blocks.
 */
public interface ChaCha8 {
  int KEY_LEN = 32;
  int BLOCK_LEN = 64;

  String name();

  /**
   * Writes {@code length} keystream bytes starting at keystream byte {@code 64 × firstBlock} into
   * {@code out[offset, offset + length)}.
   */
  void keystream(byte[] key, long firstBlock, byte[] out, int offset, int length);

  default byte[] keystream(byte[] key, int length) {
    byte[] out = new byte[length];
    keystream(key, 0, out, 0, length);
    return out;
  }
}
