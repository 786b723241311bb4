package dev.annals.kernel.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.Blake3Hasher;
import dev.annals.kernel.java.JavaBlake3;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The C-backed incremental hasher against the Java one around every piece boundary. */
class CBlake3HasherTest {
  private static final JavaBlake3 JAVA = new JavaBlake3();
  private static final int PIECE = CBlake3Hasher.PIECE;
  private static CBlake3 c;

  @BeforeAll
  static void load() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    c = new CBlake3(((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library());
  }

  @Test
  void randomSplitsKeyedAndPlainWithExtendedOutputMatchJava() {
    Random r = new Random(5);
    int[] lengths = {
      0, 1, 1024, PIECE - 1, PIECE, PIECE + 1, 2 * PIECE, 2 * PIECE + 1, 3 * PIECE + 700, 17 * PIECE
    };
    for (int length : lengths) {
      byte[] input = new byte[length];
      r.nextBytes(input);
      byte[] key = new byte[32];
      r.nextBytes(key);
      for (int round = 0; round < 3; round++) {
        Blake3Hasher plain = c.newHasher();
        Blake3Hasher keyed = c.newKeyedHasher(key);
        int pos = 0;
        while (pos < length) {
          int bound =
              switch (r.nextInt(4)) {
                case 0 -> 5;
                case 1 -> 3000;
                case 2 -> PIECE + 100;
                default -> 5 * PIECE;
              };
          int n = Math.min(length - pos, r.nextInt(bound + 1));
          plain.update(input, pos, n);
          keyed.update(input, pos, n);
          pos += n;
        }
        int outLength = round == 0 ? 32 : 1 + r.nextInt(300);
        byte[] expectedPlain = JAVA.newHasher().update(input).finish(outLength);
        byte[] expectedKeyed = JAVA.newKeyedHasher(key).update(input).finish(outLength);
        assertThat(plain.finish(outLength))
            .as("plain length %d out %d", length, outLength)
            .isEqualTo(expectedPlain);
        assertThat(keyed.finish(outLength))
            .as("keyed length %d out %d", length, outLength)
            .isEqualTo(expectedKeyed);
        // finish leaves the state alone, so a second finish gives the same bytes
        assertThat(plain.finish(outLength)).isEqualTo(expectedPlain);
      }
    }
  }

  @Test
  void oneLargeUpdateAndOutputAtAnOffset() {
    byte[] input = new byte[9 * PIECE + 3];
    new Random(6).nextBytes(input);
    byte[] out = new byte[100];
    c.newHasher().update(input, 3, 9 * PIECE).finish(out, 10, 80);
    byte[] expected = JAVA.newHasher().update(input, 3, 9 * PIECE).finish(80);
    assertThat(Arrays.copyOfRange(out, 10, 90)).isEqualTo(expected);
    assertThat(Arrays.copyOfRange(out, 0, 10)).containsOnly(0);
    assertThat(Arrays.copyOfRange(out, 90, 100)).containsOnly(0);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> c.newKeyedHasher(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31");
    assertThatThrownBy(() -> c.newHasher().update(new byte[10], 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.newHasher().finish(new byte[10], 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
