package dev.annals.kernel.pos;

/** A proof is 64 x-values of k bits each, x_i at bits [k·i, k·i + k), most significant first. */
final class ProofCodec {
  private ProofCodec() {}

  static void writeXs(int[] xs, int k, byte[] out, int offset) {
    int size = 8 * k;
    java.util.Arrays.fill(out, offset, offset + size, (byte) 0);
    for (int i = 0; i < 64; i++) {
      int bit = k * i;
      // x shifted so its top bit lands at the bit offset within a 32-bit big-endian window.
      int shifted = xs[i] << (32 - k - (bit & 7));
      int at = offset + (bit >>> 3);
      int bytes = ((bit & 7) + k + 7) >>> 3;
      for (int j = 0; j < bytes; j++) {
        out[at + j] |= (byte) (shifted >>> (24 - 8 * j));
      }
    }
  }

  static void readXs(byte[] proof, int k, int[] xs) {
    for (int i = 0; i < 64; i++) {
      xs[i] = (int) BitWriter.read(proof, 0, (long) k * i, k);
    }
  }
}
