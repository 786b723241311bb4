package dev.annals.kernel.pos;

/**
 * A proof-of-space table kind: everything farming and consensus need, in byte arrays, so a native
 * implementation can replace the Java one behind this interface. Implementations are thread-safe.
 */
public interface ProofOfSpace {
  PosParameters parameters();

  /** All proofs of the record for a 32-byte seed (s-bucket order, at most numSBuckets / 2). */
  PosProofs createProofs(byte[] seed);

  /**
   * The proof the record stores for one s-bucket, or {@code null} when it has none (no table-7
   * match, or past the per-record proof limit).
   */
  byte[] findProof(byte[] seed, int sBucket);

  /** Whether {@code proof} proves {@code sBucket} for {@code seed}. */
  boolean verify(byte[] seed, int sBucket, byte[] proof);
}
