package dev.annals.kernel.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encoding against the naive re-statement for shard sizes the crate's vectors do not cover (tails
 * of every kind, shards longer than one strip), and recovery from random sets of k shards.
 */
class RandomErasureTest {
  /** Every shape for every coder (Java and each C path). */
  static Stream<Arguments> shapes() {
    return baseShapes()
        .flatMap(
            a ->
                Coders.all().stream()
                    .map(c -> Arguments.of(c.name(), c, a.get()[0], a.get()[1], a.get()[2])));
  }

  private static Stream<Arguments> baseShapes() {
    return Stream.of(
        Arguments.of(1, 1, 2),
        Arguments.of(1, 5, 30),
        Arguments.of(2, 1, 30),
        Arguments.of(3, 2, 66),
        Arguments.of(5, 7, 32),
        Arguments.of(7, 3, 1000),
        Arguments.of(16, 16, 128),
        Arguments.of(33, 9, 94),
        Arguments.of(100, 28, 66),
        Arguments.of(128, 128, 32),
        Arguments.of(9, 300, 2),
        Arguments.of(300, 17, 32),
        Arguments.of(4, 4, 5000),
        Arguments.of(3, 3, 70_000));
  }

  @ParameterizedTest(name = "{0} {2}:{3} x {4} bytes")
  @MethodSource("shapes")
  void encodeMatchesNaiveRestatement(
      String coderName, ErasureCoder coder, int k, int r, int shardBytes) {
    byte[][] originals = randomShards(new SplittableRandom(k * 31L + r), k, shardBytes);
    byte[][] recovery = coder.encode(originals, r);
    assertThat(recovery).isDeepEqualTo(NaiveHighRateEncoder.encode(originals, r));

    byte[] contiguous = new byte[10 + k * shardBytes];
    for (int i = 0; i < k; i++) {
      System.arraycopy(originals[i], 0, contiguous, 10 + i * shardBytes, shardBytes);
    }
    byte[] out = new byte[6 + r * shardBytes];
    coder.encode(k, r, shardBytes, contiguous, 10, out, 6);
    for (int j = 0; j < r; j++) {
      byte[] shard = new byte[shardBytes];
      System.arraycopy(out, 6 + j * shardBytes, shard, 0, shardBytes);
      assertThat(shard).as("recovery %d from contiguous input", j).isEqualTo(recovery[j]);
    }
  }

  @ParameterizedTest(name = "{0} {2}:{3} x {4} bytes")
  @MethodSource("shapes")
  void anyKShardsRecoverEverything(
      String coderName, ErasureCoder coder, int k, int r, int shardBytes) {
    SplittableRandom random = new SplittableRandom(k * 7919L + r * 31L + shardBytes);
    byte[][] originals = randomShards(random, k, shardBytes);
    byte[][] recovery = coder.encode(originals, r);
    for (int trial = 0; trial < 4; trial++) {
      ShardSubsets.Kept kept = ShardSubsets.keep(originals, recovery, trial, random.nextLong());
      byte[][] someOriginals = kept.originals();
      byte[][] someRecovery = kept.recovery();
      coder.recoverAll(someOriginals, someRecovery);
      assertThat(someOriginals).isDeepEqualTo(originals);
      assertThat(someRecovery).isDeepEqualTo(recovery);
    }
  }

  static byte[][] randomShards(SplittableRandom random, int count, int shardBytes) {
    byte[][] shards = new byte[count][shardBytes];
    for (byte[] shard : shards) {
      random.nextBytes(shard);
    }
    return shards;
  }
}
