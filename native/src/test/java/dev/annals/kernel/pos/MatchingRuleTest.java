package dev.annals.kernel.pos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The matching code against a naive search written from chiapos's own formulation (differences of
 * the B and C coordinates), as Abundance's {@code test_matches} does at k = 12.
 */
class MatchingRuleTest {
  private static final int B = 119;
  private static final int C = 127;
  private static final int BC = B * C;

  /**
   * chiapos: yl in bucket i, yr in i+1, (br - bl) mod B = m and (cr - cl) mod C = (2m+p)² mod C.
   */
  private static boolean naiveMatchesForM(int yl, int yr, int m) {
    int bucketL = yl / BC;
    if (yr / BC != bucketL + 1) {
      return false;
    }
    int rl = yl % BC;
    int rr = yr % BC;
    int parity = bucketL % 2;
    int db = Math.floorMod(rr / C - rl / C, B);
    int dc = Math.floorMod(rr % C - rl % C, C);
    return db == m && dc == ((2 * m + parity) * (2 * m + parity)) % C;
  }

  @Test
  void tableOneMatchesEqualANaiveSearchIncludingOrderAndCaps() {
    int k = 12;
    PosParameters params = new PosParameters(k, 256);
    byte[] seed = new byte[32];
    seed[0] = 42;
    byte[] scratch = new byte[128];
    int numBuckets = params.numBuckets();
    List<List<int[]>> buckets = new ArrayList<>();
    for (int b = 0; b < numBuckets; b++) {
      buckets.add(new ArrayList<>());
    }
    for (int x = 0; x < (1 << k); x++) {
      int y = F1.single(Kernels.chacha8(), seed, k, x, scratch);
      List<int[]> bucket = buckets.get(y / BC);
      if (bucket.size() < 272) {
        bucket.add(new int[] {x, y});
      }
    }
    int total = 0;
    for (List<int[]> bucket : buckets) {
      total += bucket.size();
    }
    int[] positions = new int[numBuckets * 272];
    int[] ys = new int[numBuckets * 272];
    for (int b = 0; b < numBuckets; b++) {
      for (int i = 0; i < buckets.get(b).size(); i++) {
        positions[b * 272 + i] = buckets.get(b).get(i)[0];
        ys[b * 272 + i] = buckets.get(b).get(i)[1];
      }
    }
    MatchFinder finder = new MatchFinder();
    int[] outL = new int[MatchFinder.MATCH_BUFFER];
    int[] outR = new int[MatchFinder.MATCH_BUFFER];
    int[] outY = new int[MatchFinder.MATCH_BUFFER];
    int matchesSeen = 0;
    for (int b = 0; b + 1 < numBuckets; b++) {
      List<int[]> left = buckets.get(b);
      List<int[]> right = buckets.get(b + 1);
      List<int[]> expected = new ArrayList<>();
      for (int[] l : left) {
        if (expected.size() >= 288) {
          break;
        }
        for (int m = 0; m < 64; m++) {
          int taken = 0;
          for (int[] r : right) {
            if (taken < 2 && naiveMatchesForM(l[1], r[1], m)) {
              expected.add(new int[] {l[0], r[0]});
              taken++;
            }
          }
        }
      }
      List<int[]> capped = expected.subList(0, Math.min(288, expected.size()));
      int n =
          finder.find(
              b,
              positions,
              ys,
              b * 272,
              left.size(),
              (b + 1) * 272,
              right.size(),
              outL,
              outR,
              outY,
              0);
      assertThat(n).as("bucket pair %d", b).isEqualTo(capped.size());
      for (int i = 0; i < n; i++) {
        assertThat(new int[] {outL[i], outR[i]}).isEqualTo(capped.get(i));
      }
      matchesSeen += n;
    }
    assertThat(total).isEqualTo(1 << k);
    assertThat(matchesSeen).isGreaterThan(1000);
  }

  @Test
  void hasMatchAgreesWithTheNaiveRuleForAdjacentBuckets() {
    SplittableRandom random = new SplittableRandom(5);
    int agreeTrue = 0;
    for (int i = 0; i < 200_000; i++) {
      int bucket = random.nextInt(100);
      int yl = bucket * BC + random.nextInt(BC);
      int yr = (bucket + 1) * BC + random.nextInt(BC);
      boolean naive = false;
      for (int m = 0; m < 64 && !naive; m++) {
        naive = naiveMatchesForM(yl, yr, m);
      }
      assertThat(MatchRule.hasMatch(yl, yr)).isEqualTo(naive);
      agreeTrue += naive ? 1 : 0;
    }
    assertThat(agreeTrue).isPositive();
  }

  @Test
  void hasMatchLikeTheReferenceIgnoresWhichBucketTheRightYIsIn() {
    int yl = 10 * BC + 500;
    int[] targets = new int[64];
    MatchRule.targets(0, 500, targets);
    int adjacent = 11 * BC + targets[3];
    int farAway = 40 * BC + targets[3];
    assertThat(MatchRule.hasMatch(yl, adjacent)).isTrue();
    assertThat(MatchRule.hasMatch(yl, farAway)).isTrue();
    assertThat(naiveMatchesForM(yl, farAway, 3)).isFalse();
  }
}
