package dev.annals.kernel.pos;

import dev.annals.kernel.Blake3;
import java.util.Arrays;

/**
 * Abundance's test-only shim table: instant "proofs" with the same record shape, for tests of the
 * layers above that do not need real tables. quality = BLAKE3(s as u32 LE); no proof when
 * quality[0] mod 3 = 0, else proof = seed ‖ quality × 4 (160 bytes, the k = 20 proof size).
 */
public final class ShimProofOfSpace implements ProofOfSpace {
  private static final int PROOF_SIZE = 160;

  private final PosParameters params;
  private final Blake3 blake3;

  public ShimProofOfSpace(PosParameters params, Blake3 blake3) {
    if (params.proofSize() != PROOF_SIZE) {
      throw new IllegalArgumentException(
          "the shim table has 160-byte proofs (k 20), got k " + params.k());
    }
    this.params = params;
    this.blake3 = blake3;
  }

  @Override
  public PosParameters parameters() {
    return params;
  }

  @Override
  public PosProofs createProofs(byte[] seed) {
    checkSeed(seed);
    int limit = params.proofsPerRecord();
    byte[] found = new byte[(params.numSBuckets() + 7) / 8];
    byte[] proofs = new byte[limit * PROOF_SIZE];
    int count = 0;
    for (int s = 0; s < params.numSBuckets() && count < limit; s++) {
      byte[] proof = proofFor(seed, s);
      if (proof != null) {
        found[s >>> 3] |= (byte) (1 << (s & 7));
        System.arraycopy(proof, 0, proofs, count * PROOF_SIZE, PROOF_SIZE);
        count++;
      }
    }
    return new PosProofs(
        params, found, count == limit ? proofs : Arrays.copyOf(proofs, count * PROOF_SIZE), count);
  }

  @Override
  public byte[] findProof(byte[] seed, int sBucket) {
    checkSeed(seed);
    params.checkSBucket(sBucket);
    return proofFor(seed, sBucket);
  }

  @Override
  public boolean verify(byte[] seed, int sBucket, byte[] proof) {
    checkSeed(seed);
    params.checkSBucket(sBucket);
    byte[] expected = proofFor(seed, sBucket);
    return expected != null && Arrays.equals(expected, proof);
  }

  private byte[] proofFor(byte[] seed, int s) {
    byte[] le = {(byte) s, (byte) (s >>> 8), (byte) (s >>> 16), (byte) (s >>> 24)};
    byte[] quality = blake3.hash(le);
    if ((quality[0] & 0xff) % 3 == 0) {
      return null;
    }
    byte[] proof = new byte[PROOF_SIZE];
    System.arraycopy(seed, 0, proof, 0, 32);
    for (int i = 0; i < 4; i++) {
      System.arraycopy(quality, 0, proof, 32 + 32 * i, 32);
    }
    return proof;
  }

  private static void checkSeed(byte[] seed) {
    if (seed.length != 32) {
      throw new IllegalArgumentException("PoS seed must be 32 bytes, got " + seed.length);
    }
  }
}
