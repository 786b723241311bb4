package dev.annals.kernel.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.Blake3;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batch paths against single calls, and random inputs against commons-codec's independent BLAKE3.
 */
class Blake3BatchAndCrossCheckTest {
  static Stream<Blake3> impls() {
    return Blake3Implementations.all().stream();
  }

  private static byte[] random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @MethodSource("impls")
  void keyedHash64BatchMatchesSingleCalls(Blake3 impl) {
    Random r = new Random(1);
    byte[] key = random(r, 32);
    for (int count : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 33, 100}) {
      byte[] in = random(r, 5 + 64 * count);
      byte[] out = new byte[3 + 32 * count + 4];
      impl.keyedHash64Batch(key, in, 5, count, out, 3);
      for (int i = 0; i < count; i++) {
        byte[] expected = impl.keyedHash(key, Arrays.copyOfRange(in, 5 + 64 * i, 5 + 64 * i + 64));
        assertThat(Arrays.copyOfRange(out, 3 + 32 * i, 3 + 32 * i + 32))
            .as("count %d item %d", count, i)
            .isEqualTo(expected);
      }
      assertThat(Arrays.copyOfRange(out, 3 + 32 * count, out.length)).containsOnly(0);
    }
  }

  @ParameterizedTest
  @MethodSource("impls")
  void hashBatchMatchesSingleCalls(Blake3 impl) {
    Random r = new Random(2);
    for (int length : new int[] {0, 1, 31, 32, 63, 64, 65, 128, 1000, 1024, 1025, 3000}) {
      for (int count : new int[] {0, 1, 8, 19}) {
        byte[] in = random(r, 2 + length * count);
        byte[] out = new byte[32 * count + 1];
        impl.hashBatch(in, 2, length, count, out, 1);
        for (int i = 0; i < count; i++) {
          byte[] expected = impl.hash(in, 2 + length * i, length);
          assertThat(Arrays.copyOfRange(out, 1 + 32 * i, 1 + 32 * i + 32))
              .as("length %d count %d item %d", length, count, i)
              .isEqualTo(expected);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("impls")
  void batchRejectsBadRanges(Blake3 impl) {
    byte[] key = new byte[32];
    assertThatThrownBy(() -> impl.keyedHash64Batch(key, new byte[127], 0, 2, new byte[64], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> impl.keyedHash64Batch(key, new byte[128], 0, 2, new byte[63], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(
            () -> impl.keyedHash64Batch(new byte[31], new byte[64], 0, 1, new byte[32], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31");
    assertThatThrownBy(() -> impl.hashBatch(new byte[64], 0, 32, -1, new byte[64], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @ParameterizedTest
  @MethodSource("impls")
  void randomInputsMatchCommonsCodec(Blake3 impl) {
    Random r = new Random(3);
    for (int round = 0; round < 60; round++) {
      int length = r.nextInt(round < 40 ? 3000 : 40000);
      int outLength = 1 + r.nextInt(700);
      byte[] in = random(r, length);
      byte[] key = random(r, 32);
      var codec = org.apache.commons.codec.digest.Blake3.initHash().update(in);
      byte[] expected = new byte[outLength];
      codec.doFinalize(expected);
      assertThat(impl.xof(in, outLength)).as("length %d", length).isEqualTo(expected);
      var keyedCodec = org.apache.commons.codec.digest.Blake3.initKeyedHash(key).update(in);
      assertThat(impl.keyedHash(key, in)).isEqualTo(keyedCodec.doFinalize(32));
    }
  }

  @ParameterizedTest
  @MethodSource("impls")
  void longOutputIsConsistentExtension(Blake3 impl) {
    byte[] in = "extendable output".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] longOut = impl.xof(in, 64 * 40 + 5);
    for (int n : new int[] {1, 32, 63, 64, 65, 1000, 64 * 40 + 5}) {
      assertThat(impl.xof(in, n)).isEqualTo(Arrays.copyOf(longOut, n));
    }
    assertThat(impl.xof(in, 0)).isEmpty();
  }
}
