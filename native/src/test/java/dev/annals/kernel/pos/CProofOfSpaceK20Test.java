package dev.annals.kernel.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.ffm.CProofOfSpace;
import dev.annals.kernel.ffm.NativeLibrary;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The production table (k = 20) through the C kernel: Abundance's vectors and Java's proofs. */
@Tag("slow")
class CProofOfSpaceK20Test {
  @Test
  void productionTableMatchesJavaAndTheReferenceVectors() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
    List<JsonNode> vectors = PosVectors.ofKind("chia_create_proofs");
    byte[] seed = PosVectors.hex(vectors.getFirst().get("seed_hex"));
    ChiaProofOfSpace java =
        new ChiaProofOfSpace(PosParameters.PRODUCTION, Kernels.blake3(), Kernels.chacha8(), 2);
    CProofOfSpace c = new CProofOfSpace(library, PosParameters.PRODUCTION, java, 2);

    long start = System.nanoTime();
    PosProofs fromC = c.createProofs(seed);
    long cMs = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    PosProofs fromJava = java.createProofs(seed);
    long javaMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("k=20 tables + proofs, 2 threads: C %d ms, Java %d ms%n", cMs, javaMs);

    assertThat(fromC.count()).isEqualTo(32768);
    assertThat(fromC.foundProofs()).isEqualTo(fromJava.foundProofs());
    assertThat(fromC.proofs()).isEqualTo(fromJava.proofs());
    for (JsonNode v : vectors) {
      int s = v.get("s_bucket").asInt();
      byte[] proof = fromC.proof(s);
      if (v.get("has_proof").asBoolean()) {
        assertThat(proof).as("s-bucket %d", s).isNotNull();
        assertThat(c.verify(seed, s, proof)).isEqualTo(v.get("proof_verifies").asBoolean());
      } else {
        assertThat(proof).as("s-bucket %d", s).isNull();
      }
    }

    // One thread splits nothing: the same proofs must come out.
    CProofOfSpace single = new CProofOfSpace(library, PosParameters.PRODUCTION, java, 1);
    PosProofs again = single.createProofs(seed);
    assertThat(again.foundProofs()).isEqualTo(fromJava.foundProofs());
    assertThat(again.proofs()).isEqualTo(fromJava.proofs());
  }
}
