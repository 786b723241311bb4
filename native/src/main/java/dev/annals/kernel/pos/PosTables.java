package dev.annals.kernel.pos;

import java.util.Arrays;

/**
 * The parts of a built table set that proofs need: for tables 2..6 the two parent positions of
 * every entry, and for each s-bucket the table-6 pair of its first table-7 match.
 */
public final class PosTables {
  private final PosParameters params;
  private final int[][] lefts;
  private final int[][] rights;
  private final int[] targetLeft;
  private final int[] targetRight;

  PosTables(
      PosParameters params, int[][] lefts, int[][] rights, int[] targetLeft, int[] targetRight) {
    this.params = params;
    this.lefts = lefts;
    this.rights = rights;
    this.targetLeft = targetLeft;
    this.targetRight = targetRight;
  }

  public PosParameters parameters() {
    return params;
  }

  /** Whether table 7 has a match for {@code sBucket} (before the per-record proof limit). */
  public boolean hasTarget(int sBucket) {
    params.checkSBucket(sBucket);
    return targetLeft[sBucket] >= 0;
  }

  /**
   * The proof a record stores for {@code sBucket}, or {@code null}: s-buckets are taken in
   * ascending order and only the first {@link PosParameters#proofsPerRecord()} with a target get
   * proofs.
   */
  public byte[] findProof(int sBucket) {
    if (!hasTarget(sBucket)) {
      return null;
    }
    int before = 0;
    for (int s = 0; s < sBucket; s++) {
      if (targetLeft[s] >= 0) {
        before++;
      }
    }
    if (before >= params.proofsPerRecord()) {
      return null;
    }
    byte[] proof = new byte[params.proofSize()];
    writeProof(sBucket, proof, 0, new int[64], new int[64]);
    return proof;
  }

  /** All proofs of the record, in s-bucket order, stopping after {@code numSBuckets / 2}. */
  public PosProofs createProofs() {
    int numSBuckets = params.numSBuckets();
    int limit = params.proofsPerRecord();
    int proofSize = params.proofSize();
    byte[] found = new byte[(numSBuckets + 7) / 8];
    byte[] proofs = new byte[limit * proofSize];
    int[] a = new int[64];
    int[] b = new int[64];
    int count = 0;
    for (int s = 0; s < numSBuckets && count < limit; s++) {
      if (targetLeft[s] >= 0) {
        found[s >>> 3] |= (byte) (1 << (s & 7));
        writeProof(s, proofs, count * proofSize, a, b);
        count++;
      }
    }
    return new PosProofs(
        params, found, count == limit ? proofs : Arrays.copyOf(proofs, count * proofSize), count);
  }

  /**
   * Expands the target through tables 6..2, left parent before right, giving 64 x-values in leaf
   * order, and writes them as k-bit big-endian fields.
   */
  private void writeProof(int sBucket, byte[] out, int offset, int[] a, int[] b) {
    a[0] = targetLeft[sBucket];
    a[1] = targetRight[sBucket];
    int n = 2;
    int[] current = a;
    int[] next = b;
    for (int table = 6; table >= 2; table--) {
      int[] left = lefts[table];
      int[] right = rights[table];
      for (int i = 0; i < n; i++) {
        next[2 * i] = left[current[i]];
        next[2 * i + 1] = right[current[i]];
      }
      n *= 2;
      int[] t = current;
      current = next;
      next = t;
    }
    ProofCodec.writeXs(current, params.k(), out, offset);
  }
}
