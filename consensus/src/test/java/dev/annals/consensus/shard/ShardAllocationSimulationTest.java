package dev.annals.consensus.shard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The seed's claims for the allocation algorithm, on simulated farmer identities with fixed RNG
 * seeds: farmers spread uniformly over leaf shards, nearly all move when the entropy rotates, and
 * the same plot committed to another history size lands elsewhere.
 */
class ShardAllocationSimulationTest {
  private static final int FARMERS = 40_000;

  private record Farmer(Hash publicKeyHash, Hash commitmentsRoot) {}

  private static Farmer[] farmers(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    Farmer[] out = new Farmer[count];
    for (int i = 0; i < count; i++) {
      byte[] pk = new byte[32];
      byte[] root = new byte[32];
      random.nextBytes(pk);
      random.nextBytes(root);
      out[i] = new Farmer(Hash.blake3(pk), Hash.wrap(root));
    }
    return out;
  }

  private static MembershipEntropy entropy(long seed) {
    byte[] b = new byte[16];
    new SplittableRandom(seed).nextBytes(b);
    return new MembershipEntropy(Bytes.wrap(b));
  }

  /**
   * Pearson's statistic over {@code cells} equally likely cells. For k − 1 degrees of freedom it
   * has mean k − 1 and variance 2(k − 1); six standard deviations either side bounds it well past
   * any plausible fluctuation while still catching a skew of a few percent in one cell.
   */
  private static void assertUniform(int[] counts, int total) {
    int k = counts.length;
    double expected = (double) total / k;
    double chi2 = 0;
    for (int c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    double df = k - 1;
    double sd = Math.sqrt(2 * df);
    System.out.printf(
        "chi-squared %.1f over %d cells (df %d, bound %.1f)%n", chi2, k, k - 1, df + 6 * sd);
    assertThat(chi2).isBetween(Math.max(0, df - 6 * sd), df + 6 * sd);
  }

  private static int[] histogram(
      Farmer[] farmers, MembershipEntropy entropy, HistorySize size, NumShards shards) {
    List<ShardIndex> order = shards.leafShardIndices();
    Map<ShardIndex, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    int[] counts = new int[order.size()];
    for (Farmer f : farmers) {
      ShardAssignment a =
          ShardAssignment.derive(f.publicKeyHash, f.commitmentsRoot, entropy, size, shards, 20);
      counts[position.get(a.leafShard())]++;
    }
    return counts;
  }

  @Test
  void farmersSpreadUniformlyOverLeafShards() {
    Farmer[] farmers = farmers(100, FARMERS);
    HistorySize size = new HistorySize(42);
    for (NumShards shards :
        new NumShards[] {new NumShards(16, 16), new NumShards(3, 7), new NumShards(1, 1000)}) {
      int[] counts = histogram(farmers, entropy(7), size, shards);
      assertUniform(counts, FARMERS);
      // The same check on the intermediate level: leaves roll up evenly into their parents.
      int[] parents = new int[shards.intermediateShards()];
      for (int i = 0; i < counts.length; i++) {
        parents[i / shards.leafShardsPerIntermediate()] += counts[i];
      }
      if (parents.length > 1) {
        assertUniform(parents, FARMERS);
      }
    }
  }

  @Test
  void commitmentIndicesAreUniformToo() {
    Farmer[] farmers = farmers(101, FARMERS);
    int[] counts = new int[256];
    for (Farmer f : farmers) {
      int index =
          ShardAssignment.derive(
                  f.publicKeyHash,
                  f.commitmentsRoot,
                  entropy(8),
                  HistorySize.ONE,
                  new NumShards(4, 4),
                  20)
              .commitmentIndex();
      counts[index >>> 12]++;
    }
    assertUniform(counts, FARMERS);
  }

  @Test
  void farmersMoveWhenTheEntropyRotates() {
    Farmer[] farmers = farmers(102, FARMERS);
    NumShards shards = new NumShards(16, 16);
    HistorySize size = new HistorySize(42);
    MembershipEntropy before = entropy(9);
    MembershipEntropy after = entropy(10);
    int moved = 0;
    int indexChanged = 0;
    int[] destinations = new int[shards.leafShards()];
    List<ShardIndex> order = shards.leafShardIndices();
    for (Farmer f : farmers) {
      ShardAssignment a =
          ShardAssignment.derive(f.publicKeyHash, f.commitmentsRoot, before, size, shards, 20);
      ShardAssignment again =
          ShardAssignment.derive(f.publicKeyHash, f.commitmentsRoot, before, size, shards, 20);
      ShardAssignment b =
          ShardAssignment.derive(f.publicKeyHash, f.commitmentsRoot, after, size, shards, 20);
      assertThat(again).isEqualTo(a);
      if (!a.leafShard().equals(b.leafShard())) {
        moved++;
      }
      if (a.commitmentIndex() != b.commitmentIndex()) {
        indexChanged++;
      }
      destinations[order.indexOf(b.leafShard())]++;
    }
    double movedFraction = (double) moved / FARMERS;
    System.out.printf(
        "rotation: %.4f of farmers changed leaf shard (expected 1 − 1/256)%n", movedFraction);
    // Independent assignments move a farmer with probability 255/256 ≈ 0.9961.
    assertThat(movedFraction).isBetween(0.99, 0.9995);
    assertThat(indexChanged).isGreaterThan(FARMERS - 10);
    assertUniform(destinations, FARMERS);
  }

  @Test
  void theSameSectorCommittedToAnotherHistorySizeLandsElsewhere() {
    // Real commitment trees: the root itself depends on the history size, and so does the hash.
    SplittableRandom random = new SplittableRandom(103);
    NumShards shards = new NumShards(8, 8);
    MembershipEntropy entropy = entropy(11);
    int identities = 400;
    int moved = 0;
    int movedWithSameRoot = 0;
    for (int i = 0; i < identities; i++) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      Hash seed = ShardCommitmentTree.seedFromSecretKey(secret);
      Hash pk = Hash.blake3(secret);
      HistorySize h1 = new HistorySize(100);
      HistorySize h2 = new HistorySize(101);
      Hash root1 = ShardCommitmentTree.build(seed, h1, 4, false).root();
      Hash root2 = ShardCommitmentTree.build(seed, h2, 4, false).root();
      ShardIndex s1 = ShardAssignment.derive(pk, root1, entropy, h1, shards, 4).leafShard();
      ShardIndex s2 = ShardAssignment.derive(pk, root2, entropy, h2, shards, 4).leafShard();
      ShardIndex s2SameRoot = ShardAssignment.derive(pk, root1, entropy, h2, shards, 4).leafShard();
      moved += s1.equals(s2) ? 0 : 1;
      movedWithSameRoot += s1.equals(s2SameRoot) ? 0 : 1;
    }
    // Expected 63/64 ≈ 0.984 each: at least 375 of 400 (binomial, > 5 sd below the mean fails).
    System.out.printf(
        "history size change: %d/%d moved, %d/%d with the root held fixed%n",
        moved, identities, movedWithSameRoot, identities);
    assertThat(moved).isGreaterThanOrEqualTo(375);
    assertThat(movedWithSameRoot).isGreaterThanOrEqualTo(375);
  }
}
