package dev.annals.kernel.pos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.Kernels;
import org.junit.jupiter.api.Test;

class PosInputValidationTest {
  @Test
  void parametersOutsideTheSupportedRangeAreRejected() {
    assertThatThrownBy(() -> new PosParameters(11, 256)).hasMessageContaining("got 11");
    assertThatThrownBy(() -> new PosParameters(26, 256)).hasMessageContaining("got 26");
    assertThatThrownBy(() -> new PosParameters(20, 1000)).hasMessageContaining("got 1000");
    assertThatThrownBy(() -> new PosParameters(12, 8192)).hasMessageContaining("got 8192");
  }

  @Test
  void verifierRejectsWrongLengthsAndSBuckets() {
    PosVerifier verifier = new PosVerifier(PosParameters.DEV, Kernels.blake3(), Kernels.chacha8());
    byte[] proof = new byte[PosParameters.DEV.proofSize()];
    assertThatThrownBy(() -> verifier.verify(new byte[31], 0, proof))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 31");
    assertThatThrownBy(() -> verifier.verify(new byte[32], 256, proof))
        .hasMessageContaining("got 256");
    assertThatThrownBy(() -> verifier.verify(new byte[32], -1, proof))
        .hasMessageContaining("got -1");
    assertThatThrownBy(() -> verifier.verify(new byte[32], 0, new byte[160]))
        .hasMessageContaining("96 bytes")
        .hasMessageContaining("got 160");
  }
}
