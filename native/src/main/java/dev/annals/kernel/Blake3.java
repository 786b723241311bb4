package dev.annals.kernel;

/**
 * BLAKE3 in all the modes the protocol uses. Implementations are stateless and thread-safe; {@link
 * Kernels#blake3()} returns the one chosen at start-up.
 */
public interface Blake3 {
  int OUT_LEN = 32;
  int KEY_LEN = 32;

  /** The name reported at start-up, e.g. {@code java}. */
  String name();

  /** A new incremental hasher in plain hash mode. */
  Blake3Hasher newHasher();

  /** A new incremental hasher keyed with a 32-byte key. */
  Blake3Hasher newKeyedHasher(byte[] key);

  /** A new incremental hasher in key-derivation mode for the given context string. */
  Blake3Hasher newDeriveKeyHasher(String context);

  default byte[] hash(byte[] input) {
    return hash(input, 0, input.length);
  }

  default byte[] hash(byte[] input, int offset, int length) {
    return newHasher().update(input, offset, length).finish(OUT_LEN);
  }

  default byte[] keyedHash(byte[] key, byte[] input) {
    return newKeyedHasher(key).update(input, 0, input.length).finish(OUT_LEN);
  }

  default byte[] deriveKey(String context, byte[] keyMaterial, int outLength) {
    return newDeriveKeyHasher(context).update(keyMaterial, 0, keyMaterial.length).finish(outLength);
  }

  /** Extendable output: {@code outLength} bytes of the plain hash of {@code input}. */
  default byte[] xof(byte[] input, int outLength) {
    return newHasher().update(input, 0, input.length).finish(outLength);
  }

  /**
   * Many independent keyed hashes of 64-byte inputs (Merkle inner nodes): input {@code i} is {@code
   * inputs[inOffset + 64 i, +64)}, its hash goes to {@code out[outOffset + 32 i, +32)}. {@code out}
   * may be {@code inputs} itself with {@code outOffset <= inOffset}: implementations read an input
   * before writing any output that overlaps it, so Merkle levels can be reduced in place.
   */
  default void keyedHash64Batch(
      byte[] key, byte[] inputs, int inOffset, int count, byte[] out, int outOffset) {
    for (int i = 0; i < count; i++) {
      byte[] h = newKeyedHasher(key).update(inputs, inOffset + 64 * i, 64).finish(OUT_LEN);
      System.arraycopy(h, 0, out, outOffset + OUT_LEN * i, OUT_LEN);
    }
  }

  /**
   * Many independent plain hashes of equal-length inputs: input {@code i} is {@code inputs[inOffset
   * + length i, +length)}, its hash goes to {@code out[outOffset + 32 i, +32)}.
   */
  default void hashBatch(
      byte[] inputs, int inOffset, int length, int count, byte[] out, int outOffset) {
    for (int i = 0; i < count; i++) {
      byte[] h = hash(inputs, inOffset + length * i, length);
      System.arraycopy(h, 0, out, outOffset + OUT_LEN * i, OUT_LEN);
    }
  }
}
