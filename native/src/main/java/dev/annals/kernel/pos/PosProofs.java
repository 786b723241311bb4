package dev.annals.kernel.pos;

/**
 * The proofs of one record: {@code foundProofs} has bit s (byte s/8, bit s mod 8, least significant
 * first) set for every s-bucket with a proof; {@code proofs} holds them back to back in s order.
 * Abundance expects exactly {@code numSBuckets / 2} proofs; {@link #count()} says how many were
 * found, and callers that need a full record must check it.
 */
public record PosProofs(PosParameters parameters, byte[] foundProofs, byte[] proofs, int count) {
  public boolean isComplete() {
    return count == parameters.proofsPerRecord();
  }

  /** The index of {@code sBucket}'s proof (set bits before it), or -1 if it has none. */
  public int proofIndex(int sBucket) {
    parameters.checkSBucket(sBucket);
    if ((foundProofs[sBucket >>> 3] & (1 << (sBucket & 7))) == 0) {
      return -1;
    }
    int index = 0;
    int fullBytes = sBucket >>> 3;
    for (int i = 0; i < fullBytes; i++) {
      index += Integer.bitCount(foundProofs[i] & 0xff);
    }
    return index + Integer.bitCount(foundProofs[fullBytes] & ((1 << (sBucket & 7)) - 1));
  }

  /** A copy of {@code sBucket}'s proof, or {@code null}. */
  public byte[] proof(int sBucket) {
    int index = proofIndex(sBucket);
    if (index < 0) {
      return null;
    }
    int size = parameters.proofSize();
    return java.util.Arrays.copyOfRange(proofs, index * size, (index + 1) * size);
  }
}
