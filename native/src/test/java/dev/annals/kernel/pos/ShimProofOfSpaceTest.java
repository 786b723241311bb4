package dev.annals.kernel.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.kernel.Kernels;
import org.junit.jupiter.api.Test;

class ShimProofOfSpaceTest {
  @Test
  void shimMatchesTheReferenceFacts() {
    ShimProofOfSpace shim = new ShimProofOfSpace(PosParameters.PRODUCTION, Kernels.blake3());
    for (JsonNode v : PosVectors.ofKind("shim_create_proofs")) {
      byte[] seed = PosVectors.hex(v.get("seed_hex"));
      int s = v.get("s_bucket").asInt();
      PosProofs proofs = shim.createProofs(seed);
      byte[] proof = proofs.proof(s);
      if (v.get("has_proof").asBoolean()) {
        assertThat(proof).isEqualTo(shim.findProof(seed, s));
        assertThat(shim.verify(seed, s, proof)).isTrue();
        assertThat(shim.verify(seed, s + 1, proof)).isFalse();
      } else {
        assertThat(proof).isNull();
        assertThat(shim.findProof(seed, s)).isNull();
      }
      assertThat(proofs.count()).isEqualTo(32768);
    }
  }
}
