package dev.annals.kernel.pot;

/**
 * Abundance's proof of time: {@code iterations} sequential AES-128 encryptions of a 16-byte seed
 * under key = BLAKE3(seed)[0..16), with 8 evenly spaced checkpoints (128 bytes; the last is the
 * output). Implementations are thread-safe.
 */
public interface ProofOfTime {
  int NUM_CHECKPOINTS = 8;
  int CHECKPOINTS_LEN = NUM_CHECKPOINTS * 16;

  /** The 8 checkpoints, concatenated. {@code iterations} must be a positive multiple of 16. */
  byte[] prove(byte[] seed, long iterations);

  /** Whether {@code checkpoints} (128 bytes) are the checkpoints of {@code seed}. */
  boolean verify(byte[] seed, long iterations, byte[] checkpoints);

  /** The AES key of a seed: the first 16 bytes of its BLAKE3 hash. */
  byte[] keyOf(byte[] seed);
}
