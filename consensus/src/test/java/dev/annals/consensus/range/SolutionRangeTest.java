package dev.annals.consensus.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.params.ProtocolParameters;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every rule against a naive BigInteger rendering of protocol-facts §9. */
class SolutionRangeTest {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private static BigInteger u(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  private static BigInteger naiveFromPieces(long pieces, ProtocolParameters p) {
    BigInteger x = U64_MAX.divide(BigInteger.valueOf(p.slotProbabilityDenominator()));
    x = x.multiply(BigInteger.valueOf(p.slotProbabilityNumerator()));
    x = x.divide(BigInteger.valueOf(p.recordChunks()));
    x = x.multiply(BigInteger.valueOf(p.sBuckets()));
    return x.divide(u(pieces));
  }

  private static BigInteger naiveNext(long current, long slots, ProtocolParameters p) {
    BigInteger u128Max = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    BigInteger n = u(current).multiply(u(slots));
    n = n.multiply(BigInteger.valueOf(p.slotProbabilityNumerator())).min(u128Max);
    n = n.divide(BigInteger.valueOf(p.retargetInterval()));
    n = n.divide(BigInteger.valueOf(p.slotProbabilityDenominator()));
    if (n.compareTo(U64_MAX) > 0) {
      n = U64_MAX;
    }
    BigInteger lower = u(current).divide(BigInteger.valueOf(4));
    BigInteger upper = u(current).multiply(BigInteger.valueOf(4)).min(U64_MAX);
    return n.max(lower).min(upper);
  }

  @Test
  void fromPiecesMatchesTheFormulaForBothPresets() {
    SplittableRandom random = new SplittableRandom(1);
    for (ProtocolParameters p : ProtocolParameters.PRESETS) {
      long[] edges = {1, 2, 3, 1000, 0x7FFF_FFFF_FFFF_FFFFL, -1L};
      for (long pieces : edges) {
        assertThat(u(SolutionRange.fromPieces(pieces, p).value()))
            .isEqualTo(naiveFromPieces(pieces, p));
      }
      for (int i = 0; i < 10_000; i++) {
        long pieces = random.nextLong() >>> random.nextInt(64);
        if (pieces == 0) {
          continue;
        }
        assertThat(u(SolutionRange.fromPieces(pieces, p).value()))
            .isEqualTo(naiveFromPieces(pieces, p));
      }
    }
  }

  @Test
  void toPiecesInvertsFromPiecesForSmallCounts() {
    for (ProtocolParameters p : ProtocolParameters.PRESETS) {
      for (long pieces = 1; pieces <= 1000; pieces++) {
        assertThat(SolutionRange.fromPieces(pieces, p).toPieces(p)).isEqualTo(pieces);
      }
    }
  }

  @Test
  void retargetMatchesBigIntegerIncludingSaturationAndClamping() {
    SplittableRandom random = new SplittableRandom(2);
    long[] edges = {0, 1, 4, 5, 180, 1800, 0x3FFF_FFFF_FFFF_FFFFL, -2L, -1L};
    for (ProtocolParameters p : ProtocolParameters.PRESETS) {
      for (long current : edges) {
        for (long slots : edges) {
          assertThat(u(new SolutionRange(current).next(slots, p).value()))
              .as("current %s slots %s", Long.toUnsignedString(current), slots)
              .isEqualTo(naiveNext(current, slots, p));
        }
      }
      for (int i = 0; i < 20_000; i++) {
        long current = random.nextLong() >>> random.nextInt(64);
        long slots = random.nextLong() >>> random.nextInt(64);
        assertThat(u(new SolutionRange(current).next(slots, p).value()))
            .isEqualTo(naiveNext(current, slots, p));
      }
    }
  }

  @Test
  void retargetKeepsTheRangeWhenBlocksArriveOnSchedule() {
    ProtocolParameters p = ProtocolParameters.PRODUCTION;
    long expectedSlots =
        p.retargetInterval() * p.slotProbabilityDenominator() / p.slotProbabilityNumerator();
    SolutionRange current = SolutionRange.fromPieces(1_000_000, p);
    // Exact only up to the truncating divisions: within one unit per division.
    assertThat(current.next(expectedSlots, p).value())
        .isBetween(current.value() - 2, current.value());
    // Blocks twice as slow: the range doubles (within truncation).
    assertThat(current.next(2 * expectedSlots, p).value())
        .isBetween(2 * current.value() - 2, 2 * current.value());
  }

  @Test
  void shardScalingMultipliesAndSaturates() {
    NumShards shards = new NumShards(7, 300);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      long v = random.nextLong() >>> random.nextInt(64);
      SolutionRange r = new SolutionRange(v);
      assertThat(u(r.toLeafShard(shards).value())).isEqualTo(u(v).multiply(u(2100)).min(U64_MAX));
      assertThat(u(r.toIntermediateShard(shards).value()))
          .isEqualTo(u(v).multiply(u(7)).min(U64_MAX));
    }
  }

  @Test
  void scalingFollowsTheBlocksShardKind() {
    NumShards shards = new NumShards(3, 5);
    SolutionRange r = new SolutionRange(1000);
    assertThat(r.forShardKind(ShardKind.BEACON, shards)).isEqualTo(r);
    assertThat(r.forShardKind(ShardKind.INTERMEDIATE, shards).value()).isEqualTo(3000);
    assertThat(r.forShardKind(ShardKind.LEAF, shards).value()).isEqualTo(15000);
    assertThatThrownBy(() -> r.forShardKind(ShardKind.PHANTOM, shards))
        .hasMessageContaining("phantom");
  }

  @Test
  void containsComparesWithHalfTheRangeUnsigned() {
    SolutionRange r = new SolutionRange(-1L);
    assertThat(r.contains(0x7FFF_FFFF_FFFF_FFFFL)).isTrue();
    assertThat(r.contains(0x8000_0000_0000_0000L)).isFalse();
    SolutionRange small = new SolutionRange(11);
    assertThat(small.contains(5)).isTrue();
    assertThat(small.contains(6)).isFalse();
  }

  @Test
  void blockWeightIsMaxMinusRangeAndSumsWithoutWrapping() {
    SplittableRandom random = new SplittableRandom(4);
    BlockWeight total = BlockWeight.ZERO;
    BigInteger naive = BigInteger.ZERO;
    for (int i = 0; i < 1000; i++) {
      long range = random.nextLong();
      BlockWeight w = new SolutionRange(range).blockWeight();
      assertThat(w.toBigInteger()).isEqualTo(U64_MAX.subtract(u(range)));
      total = total.plus(w);
      naive = naive.add(U64_MAX.subtract(u(range)));
      assertThat(total.toBigInteger()).isEqualTo(naive);
    }
    assertThat(new SolutionRange(1).blockWeight())
        .isGreaterThan(new SolutionRange(-1L).blockWeight());
    BlockWeight nearMax = new BlockWeight(-1L, -2L);
    assertThat(nearMax.plus(BlockWeight.of(1)).toBigInteger())
        .isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    assertThatThrownBy(() -> nearMax.plus(BlockWeight.of(2)))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("overflow");
    assertThatThrownBy(() -> new BlockWeight(-1L, 0).plus(new BlockWeight(1, 0)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void zeroPiecesIsRejected() {
    assertThatThrownBy(() -> SolutionRange.fromPieces(0, ProtocolParameters.DEV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pieces");
  }
}
