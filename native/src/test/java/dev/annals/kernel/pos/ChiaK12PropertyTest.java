package dev.annals.kernel.pos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.Kernels;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Self-consistency of the dev-size table: what the prover produces, the verifier accepts. */
class ChiaK12PropertyTest {
  private static final PosParameters DEV = PosParameters.DEV;

  @Property(tries = 4, seed = "20260822")
  void everyProofVerifiesAndTamperedOnesDoNot(@ForAll @Size(32) byte[] seed) {
    ChiaProofOfSpace pos = new ChiaProofOfSpace(DEV, Kernels.blake3(), Kernels.chacha8(), 1);
    PosTables tables = pos.buildTables(seed);
    PosProofs proofs = tables.createProofs();
    assertThat(proofs.count()).isPositive().isLessThanOrEqualTo(DEV.proofsPerRecord());
    int index = 0;
    int k = DEV.k();
    int[] xs = new int[64];
    for (int s = 0; s < DEV.numSBuckets(); s++) {
      byte[] proof = proofs.proof(s);
      if (proof == null) {
        assertThat(tables.hasTarget(s) && index < DEV.proofsPerRecord()).isFalse();
        assertThat(tables.findProof(s)).isNull();
        continue;
      }
      assertThat(proofs.proofIndex(s)).isEqualTo(index++);
      assertThat(tables.findProof(s)).isEqualTo(proof);
      assertThat(pos.verify(seed, s, proof)).as("s-bucket %d", s).isTrue();
      assertThat(pos.verify(seed, (s + 1) % DEV.numSBuckets(), proof)).isFalse();
      ProofCodec.readXs(proof, k, xs);
      for (int i = 0; i < 64; i++) {
        int[] tampered = xs.clone();
        tampered[i] ^= 1;
        byte[] bad = new byte[DEV.proofSize()];
        ProofCodec.writeXs(tampered, k, bad, 0);
        assertThat(pos.verify(seed, s, bad)).as("s-bucket %d, x_%d flipped", s, i).isFalse();
      }
    }
    assertThat(index).isEqualTo(proofs.count());
  }
}
