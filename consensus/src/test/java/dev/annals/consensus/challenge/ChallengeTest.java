package dev.annals.consensus.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChallengeTest {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  @Test
  void globalChallengeHashesOutputThenSlotLittleEndian() {
    byte[] output = new byte[16];
    for (int i = 0; i < 16; i++) {
      output[i] = (byte) (i * 7);
    }
    byte[] input = new byte[24];
    System.arraycopy(output, 0, input, 0, 16);
    input[16] = 0x08;
    input[17] = 0x07;
    input[23] = (byte) 0x80;
    Slot slot = new Slot(0x8000_0000_0000_0708L);
    assertThat(GlobalChallenge.derive(output, slot).toBytes())
        .isEqualTo(Kernels.blake3().hash(input));
    assertThatThrownBy(() -> GlobalChallenge.derive(new byte[15], slot))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pot_output");
  }

  @Test
  void distanceIsTheShorterWayRoundTheCircle() {
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      long a = i < 4 ? new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}[i] : random.nextLong();
      long b = random.nextLong();
      BigInteger ua = new BigInteger(Long.toUnsignedString(a));
      BigInteger ub = new BigInteger(Long.toUnsignedString(b));
      BigInteger want = ua.subtract(ub).mod(TWO_64).min(ub.subtract(ua).mod(TWO_64));
      long got = SolutionDistance.between(a, b);
      assertThat(new BigInteger(Long.toUnsignedString(got))).isEqualTo(want);
      assertThat(SolutionDistance.between(b, a)).isEqualTo(got);
    }
    assertThat(SolutionDistance.between(1, -1)).isEqualTo(2);
  }

  @Test
  void withinMeansAtMostHalfTheRange() {
    assertThat(SolutionDistance.isWithin(5, 10)).isTrue();
    assertThat(SolutionDistance.isWithin(6, 10)).isFalse();
    assertThat(SolutionDistance.isWithin(5, 11)).isTrue();
    assertThat(SolutionDistance.isWithin(Long.MAX_VALUE, -1L)).isTrue();
    assertThat(SolutionDistance.isWithin(Long.MIN_VALUE, -1L)).isFalse();
  }

  @Test
  void auditDistanceUsesTheKeyedHashOfTheChunk() {
    byte[] key = new byte[32];
    byte[] chunk = new byte[40];
    byte[] g = new byte[32];
    new Random(3).nextBytes(key);
    new Random(4).nextBytes(chunk);
    new Random(5).nextBytes(g);
    byte[] chunkOnly = java.util.Arrays.copyOfRange(chunk, 8, 40);
    byte[] audit = Kernels.blake3().keyedHash(key, chunkOnly);
    long a = 0;
    long c = 0;
    for (int i = 7; i >= 0; i--) {
      a = (a << 8) | (audit[i] & 0xff);
      c = (c << 8) | (g[i] & 0xff);
    }
    assertThat(SolutionDistance.of(Hash.wrap(g), key, chunk, 8))
        .isEqualTo(SolutionDistance.between(c, a));
  }
}
