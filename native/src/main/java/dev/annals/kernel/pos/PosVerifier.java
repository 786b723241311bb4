package dev.annals.kernel.pos;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.ChaCha8;

/**
 * Checks a proof the way Abundance's {@code verify_only_raw} does: f1 of the 64 x-values, then six
 * rounds over consecutive pairs where a pair that fails {@code has_match} is skipped and the list
 * is compacted (so later pairings shift); valid iff something is left and its first y7 >> 6 is the
 * s-bucket. Nothing else (x range, duplicates, bucket adjacency) is checked, on purpose: a stricter
 * verifier would reject proofs the Rust network accepts. Not thread-safe (scratch is reused).
 */
public final class PosVerifier {
  private final PosParameters params;
  private final ChaCha8 chacha;
  private final FnHasher hasher;
  private final int[] xs = new int[64];
  private final int[] ys = new int[64];
  private final int[] left = new int[32];
  private final int[] right = new int[32];
  private final long[] metaHi = new long[64];
  private final long[] metaLo = new long[64];
  private final long[] nextHi = new long[64];
  private final long[] nextLo = new long[64];
  private final long[] scratchHi = new long[64];
  private final long[] scratchLo = new long[64];
  private final byte[] blocks = new byte[2 * ChaCha8.BLOCK_LEN];

  public PosVerifier(PosParameters params, Blake3 blake3, ChaCha8 chacha) {
    this.params = params;
    this.chacha = chacha;
    this.hasher = new FnHasher(blake3, params);
  }

  public boolean verify(byte[] seed, int sBucket, byte[] proof) {
    if (seed.length != ChaCha8.KEY_LEN) {
      throw new IllegalArgumentException("PoS seed must be 32 bytes, got " + seed.length);
    }
    params.checkSBucket(sBucket);
    if (proof.length != params.proofSize()) {
      throw new IllegalArgumentException(
          "PoS proof must be "
              + params.proofSize()
              + " bytes for k "
              + params.k()
              + ", got "
              + proof.length);
    }
    int k = params.k();
    ProofCodec.readXs(proof, k, xs);
    for (int i = 0; i < 64; i++) {
      ys[i] = F1.single(chacha, seed, k, xs[i], blocks);
      metaHi[i] = 0;
      metaLo[i] = xs[i];
    }
    int n = 64;
    long[] pHi = metaHi;
    long[] pLo = metaLo;
    long[] cHi = nextHi;
    long[] cLo = nextLo;
    for (int table = 2; table <= 7; table++) {
      // Keep the pairs that match, compacted to the front; their left y stays in ys for fn.
      int kept = 0;
      for (int i = 0; i + 1 < n; i += 2) {
        if (MatchRule.hasMatch(ys[i], ys[i + 1])) {
          ys[kept] = ys[i];
          left[kept] = i;
          right[kept] = i + 1;
          kept++;
        }
      }
      if (kept == 0) {
        return false;
      }
      hasher.compute(table, 0, kept, ys, left, right, pHi, pLo, cHi, cLo);
      long[] t = pHi;
      pHi = cHi;
      cHi = t == metaHi ? scratchHi : t;
      t = pLo;
      pLo = cLo;
      cLo = t == metaLo ? scratchLo : t;
      n = kept;
    }
    return (ys[0] >>> ChiaConstants.PARAM_EXT) == sBucket;
  }
}
