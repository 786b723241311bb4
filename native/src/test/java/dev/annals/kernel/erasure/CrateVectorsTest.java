package dev.annals.kernel.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.erasure.CrateVectors.Vector;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reed-solomon-simd high-rate vector: SHA-256 of the recovery shards, and decoding. */
class CrateVectorsTest {
  /** Every vector for every coder (Java and each C path). */
  static Stream<Arguments> small() {
    return withCoders(CrateVectors.all().stream().filter(v -> !isLarge(v)));
  }

  /** The large vectors take seconds each: Java and the C coder's best path only. */
  static Stream<Arguments> large() {
    return withCoders(
        CrateVectors.all().stream().filter(CrateVectorsTest::isLarge), Coders.javaAndBest());
  }

  private static Stream<Arguments> withCoders(Stream<Vector> vectors) {
    return withCoders(vectors, Coders.all());
  }

  private static Stream<Arguments> withCoders(Stream<Vector> vectors, List<ErasureCoder> coders) {
    return vectors.flatMap(v -> coders.stream().map(c -> Arguments.of(c.name(), c, v)));
  }

  private static boolean isLarge(Vector v) {
    return v.shardBytes() == 64 && v.originalCount() + v.recoveryCount() > 10_000;
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("small")
  void smallVectorsEncodeBitExactly(String coderName, ErasureCoder coder, Vector v) {
    byte[] originals =
        CrateVectors.originalsContiguous(v.originalCount(), v.shardBytes(), v.seed());
    byte[] recovery = new byte[v.recoveryCount() * v.shardBytes()];
    coder.encode(v.originalCount(), v.recoveryCount(), v.shardBytes(), originals, 0, recovery, 0);
    assertThat(CrateVectors.sha256(recovery)).isEqualTo(v.sha256());

    byte[][] shards = CrateVectors.split(originals, v.originalCount(), v.shardBytes());
    byte[][] recoveryShards = coder.encode(shards, v.recoveryCount());
    assertThat(CrateVectors.sha256(recoveryShards)).isEqualTo(v.sha256());
  }

  /**
   * The crate's roundtrips_tiny: decode from originals r..k-1 plus recoveries 0..min(k,r)-1, i.e.
   * with the first min(k, r) originals missing.
   */
  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("small")
  void smallVectorsDecodeLikeTheCrate(String coderName, ErasureCoder coder, Vector v) {
    int k = v.originalCount();
    int r = v.recoveryCount();
    byte[][] originals =
        CrateVectors.split(
            CrateVectors.originalsContiguous(k, v.shardBytes(), v.seed()), k, v.shardBytes());
    byte[][] recovery = coder.encode(originals, r);
    int lost = Math.min(k, r);
    int[] originalIndices = new int[k - lost];
    byte[][] originalShards = new byte[k - lost][];
    for (int i = lost; i < k; i++) {
      originalIndices[i - lost] = i;
      originalShards[i - lost] = originals[i];
    }
    int[] recoveryIndices = new int[lost];
    byte[][] recoveryShards = new byte[lost][];
    for (int j = 0; j < lost; j++) {
      recoveryIndices[j] = j;
      recoveryShards[j] = recovery[j];
    }
    byte[][] restored =
        coder.recoverOriginals(
            k, r, originalIndices, originalShards, recoveryIndices, recoveryShards);
    assertThat(restored).isDeepEqualTo(originals);
  }

  /** 3000:30000, 60000:3000 and 32768:32768 with 64-byte shards (the crate's ignored tests). */
  @Tag("slow")
  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("large")
  void largeVectorsEncodeBitExactly(String coderName, ErasureCoder coder, Vector v) {
    byte[] originals =
        CrateVectors.originalsContiguous(v.originalCount(), v.shardBytes(), v.seed());
    byte[] recovery = new byte[v.recoveryCount() * v.shardBytes()];
    coder.encode(v.originalCount(), v.recoveryCount(), v.shardBytes(), originals, 0, recovery, 0);
    assertThat(CrateVectors.sha256(recovery)).isEqualTo(v.sha256());
  }
}
