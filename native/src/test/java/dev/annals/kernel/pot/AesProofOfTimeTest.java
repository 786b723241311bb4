package dev.annals.kernel.pot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.Kernels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesProofOfTimeTest {
  private static final byte[] SEED = PotVectors.hex("abundance.seed");
  private static final byte[] SEED_1 = PotVectors.hex("abundance.seed1");
  private static final byte[] KEY = PotVectors.hex("abundance.key");
  private static final byte[] KEY_1 = PotVectors.hex("abundance.key1");
  private static final byte[] BAD = PotVectors.hex("abundance.badCipher");
  private static final long PER = Long.parseLong(PotVectors.get("abundance.checkpointIterations"));

  @Test
  void roundTripsAndFailuresOfTheAbundanceAesTests() {
    for (PotVerification method : PotVerification.values()) {
      for (int threads : new int[] {1, 4}) {
        try (AesProofOfTime pot = new AesProofOfTime(Kernels.blake3(), threads, method)) {
          byte[] checkpoints = pot.createCheckpoints(SEED, KEY, PER);
          assertThat(pot.verifyCheckpoints(SEED, KEY, checkpoints, PER)).isTrue();
          assertThat(pot.verifyCheckpoints(SEED, KEY, checkpoints, PER + 2)).isFalse();
          assertThat(pot.verifyCheckpoints(SEED, KEY, checkpoints, PER - 2)).isFalse();
          assertThat(pot.verifyCheckpoints(SEED_1, KEY, checkpoints, PER)).isFalse();
          assertThat(pot.verifyCheckpoints(SEED, KEY_1, checkpoints, PER)).isFalse();
          for (int i = 0; i < 8; i++) {
            byte[] bad = checkpoints.clone();
            System.arraycopy(BAD, 0, bad, 16 * i, 16);
            assertThat(pot.verifyCheckpoints(SEED, KEY, bad, PER)).as("checkpoint %d", i).isFalse();
          }
        }
      }
    }
  }

  @Test
  void checkpointsAreTheSequentialChainFromTheSeed() {
    AesProofOfTime pot = new AesProofOfTime(Kernels.blake3(), 1);
    byte[] checkpoints = pot.createCheckpoints(SEED, KEY, PER);
    AesChain chain = new AesChain();
    chain.setKey(KEY);
    byte[] block = SEED.clone();
    for (int i = 0; i < 8; i++) {
      chain.encryptBlockByBlock(block, PER);
      assertThat(Arrays.copyOfRange(checkpoints, 16 * i, 16 * i + 16)).isEqualTo(block);
    }
  }

  @Test
  void proveDerivesTheKeyFromTheSeedAndVerifyChecksIterationsAndSeed() {
    ProofOfTime pot = Kernels.proofOfTime();
    byte[] key = Arrays.copyOf(Kernels.blake3().hash(SEED), 16);
    assertThat(pot.keyOf(SEED)).isEqualTo(key);
    long iterations = 1 << 12;
    byte[] checkpoints = pot.prove(SEED, iterations);
    assertThat(checkpoints)
        .isEqualTo(new AesProofOfTime(Kernels.blake3(), 1).createCheckpoints(SEED, key, 512));
    assertThat(pot.verify(SEED, iterations, checkpoints)).isTrue();
    assertThat(pot.verify(SEED, iterations + 16, checkpoints)).isFalse();
    assertThat(pot.verify(SEED, iterations - 16, checkpoints)).isFalse();
    assertThat(pot.verify(SEED_1, iterations, checkpoints)).isFalse();
    byte[] flipped = checkpoints.clone();
    flipped[127] ^= 1;
    assertThat(pot.verify(SEED, iterations, flipped)).isFalse();
  }

  @Test
  void badArgumentsAreRejectedWithTheirValues() {
    ProofOfTime pot = Kernels.proofOfTime();
    assertThatThrownBy(() -> pot.prove(SEED, 24))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 16, got 24");
    assertThatThrownBy(() -> pot.prove(SEED, 0)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> pot.verify(SEED, 40, new byte[128])).hasMessageContaining("got 40");
    assertThatThrownBy(() -> pot.prove(new byte[15], 16)).hasMessageContaining("got 15");
    assertThatThrownBy(() -> pot.verify(new byte[17], 16, new byte[128]))
        .hasMessageContaining("got 17");
    assertThatThrownBy(() -> pot.verify(SEED, 16, new byte[127])).hasMessageContaining("got 127");
  }
}
