package dev.annals.kernel;

/** An incremental BLAKE3 computation. Not thread-safe; not reusable after {@link #finish}. */
public interface Blake3Hasher {
  Blake3Hasher update(byte[] input, int offset, int length);

  default Blake3Hasher update(byte[] input) {
    return update(input, 0, input.length);
  }

  /** Writes {@code length} bytes of output (any length: extendable output) into {@code out}. */
  void finish(byte[] out, int offset, int length);

  default byte[] finish(int length) {
    byte[] out = new byte[length];
    finish(out, 0, length);
    return out;
  }
}
