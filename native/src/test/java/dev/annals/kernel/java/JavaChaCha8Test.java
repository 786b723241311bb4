package dev.annals.kernel.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.ChaCha8;
import dev.annals.kernel.Kernels;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JavaChaCha8Test {
  private final ChaCha8 chacha = Kernels.chacha8();

  /**
   * ChaCha8 TC1 (all-zero key and nonce) of draft-strombergson-chacha-test-vectors, as quoted in
   * /work/shared/reference/erasure-coding-facts.md section 8.
   */
  @Test
  void zeroKeyKeystreamPrefix() {
    byte[] expected =
        HexFormat.of().parseHex("3e00ef2f895f40d67f5bb8e81f09a5a12c840ec3ce9a7f3b181be188ef711a1e");
    assertThat(chacha.keystream(new byte[32], 32)).isEqualTo(expected);
  }

  @Test
  void keystreamFromBlockNIsTailOfKeystreamFromZero() {
    Random r = new Random(4);
    byte[] key = new byte[32];
    r.nextBytes(key);
    byte[] full = chacha.keystream(key, 64 * 20);
    for (int block : new int[] {0, 1, 5, 19}) {
      int length = 64 * (20 - block) - r.nextInt(64);
      byte[] out = new byte[length + 2];
      chacha.keystream(key, block, out, 1, length);
      assertThat(Arrays.copyOfRange(out, 1, 1 + length))
          .isEqualTo(Arrays.copyOfRange(full, 64 * block, 64 * block + length));
      assertThat(out[0]).isZero();
      assertThat(out[length + 1]).isZero();
    }
  }

  @Test
  void rejectsBadKeyAndCounter() {
    assertThatThrownBy(() -> chacha.keystream(new byte[16], 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16");
    assertThatThrownBy(() -> chacha.keystream(new byte[32], -1, new byte[8], 0, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
