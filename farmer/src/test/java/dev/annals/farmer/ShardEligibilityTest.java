package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardEligibilityTest {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private static BigInteger u64(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  /**
   * Beacon rb, intermediate rc × intermediates, leaf rc × all leaves, each saturating; d ≤ range/2.
   */
  private static List<ShardIndex> naive(long d, long rb, long rc, NumShards n, ShardIndex leaf) {
    List<ShardIndex> out = new ArrayList<>();
    long[] ranges = {rb, rc, rc};
    long[] factors = {1, n.intermediateShards(), n.leafShards()};
    ShardIndex[] shards = {ShardIndex.BEACON, leaf.parent(), leaf};
    for (int k = 0; k < 3; k++) {
      BigInteger range = u64(ranges[k]).multiply(BigInteger.valueOf(factors[k])).min(U64_MAX);
      if (u64(d).compareTo(range.shiftRight(1)) <= 0) {
        out.add(shards[k]);
      }
    }
    return out;
  }

  @Test
  void matchesANaiveRule() {
    Random random = new Random(3);
    NumShards numShards = new NumShards(2, 3);
    ShardIndex leaf = ShardIndex.leaf(ShardIndex.intermediate(2), 3);
    int[] counts = new int[4];
    for (int i = 0; i < 20_000; i++) {
      long r = random.nextLong() >>> random.nextInt(64);
      // Half the time a retarget is pending: the beacon block's range differs from the shards'.
      long rb = random.nextBoolean() ? r : random.nextLong() >>> random.nextInt(64);
      long d = random.nextLong() >>> random.nextInt(64);
      SolutionRanges ranges = new SolutionRanges(new SolutionRange(rb), new SolutionRange(r));
      List<ShardIndex> got = ShardEligibility.shards(d, ranges, numShards, leaf);
      assertThat(got).isEqualTo(naive(d, rb, r, numShards, leaf));
      counts[got.size()]++;
      for (ShardIndex shard : List.of(ShardIndex.BEACON, leaf.parent(), leaf)) {
        assertThat(ShardEligibility.qualifies(d, shard, ranges, numShards))
            .isEqualTo(got.contains(shard));
      }
      SolutionRange widest = ShardEligibility.widest(ranges, numShards);
      assertThat(u64(widest.value()))
          .isEqualTo(u64(r).multiply(BigInteger.valueOf(6)).min(U64_MAX).max(u64(rb)));
    }
    // Every outcome occurs, so the comparison above covers all of them.
    assertThat(Arrays.stream(counts).min().orElseThrow()).isPositive();
  }

  @Test
  void boundaryIsInclusiveAtHalfTheRange() {
    NumShards n = new NumShards(2, 2);
    ShardIndex leaf = ShardIndex.leaf(ShardIndex.intermediate(1), 2);
    SolutionRanges r = SolutionRanges.uniform(new SolutionRange(1000));
    assertThat(ShardEligibility.shards(500, r, n, leaf))
        .containsExactly(ShardIndex.BEACON, ShardIndex.intermediate(1), leaf);
    assertThat(ShardEligibility.shards(501, r, n, leaf))
        .containsExactly(ShardIndex.intermediate(1), leaf);
    assertThat(ShardEligibility.shards(1001, r, n, leaf)).containsExactly(leaf);
    assertThat(ShardEligibility.shards(2001, r, n, leaf)).isEmpty();
  }
}
