package dev.annals.kernel.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.kernel.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Abundance's {@code src/chia/tests.rs} at the production size: builds the full k = 20 table. */
class ChiaK20KnownAnswerTest {
  @Test
  void productionTableHasTheReferenceProofsAndTheyVerify() {
    List<JsonNode> vectors = PosVectors.ofKind("chia_create_proofs");
    byte[] seed = PosVectors.hex(vectors.getFirst().get("seed_hex"));
    ChiaProofOfSpace pos =
        new ChiaProofOfSpace(PosParameters.PRODUCTION, Kernels.blake3(), Kernels.chacha8(), 2);

    long start = System.nanoTime();
    PosProofs proofs = pos.createProofs(seed);
    System.out.printf(
        "k=20 tables + %d proofs in %d ms%n",
        proofs.count(), (System.nanoTime() - start) / 1_000_000);

    // Abundance debug-asserts that a record always gets exactly 32768 proofs.
    assertThat(proofs.count()).isEqualTo(32768);
    assertThat(proofs.isComplete()).isTrue();
    for (JsonNode v : vectors) {
      assertThat(v.get("seed_hex").asText()).isEqualTo(vectors.getFirst().get("seed_hex").asText());
      int s = v.get("s_bucket").asInt();
      byte[] proof = proofs.proof(s);
      if (v.get("has_proof").asBoolean()) {
        assertThat(proof).as("s-bucket %d", s).isNotNull();
        assertThat(pos.verify(seed, s, proof)).isEqualTo(v.get("proof_verifies").asBoolean());
        assertThat(pos.verify(seed, s ^ 1, proof)).isFalse();
      } else {
        assertThat(proof).as("s-bucket %d", s).isNull();
      }
    }
  }
}
