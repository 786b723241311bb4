package dev.annals.supersegment;

import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random segment lists for the tests. */
final class TestSegments {
  private TestSegments() {}

  static ShardSegmentRoot genesis(Random random) {
    return new ShardSegmentRoot(ShardIndex.BEACON, LocalSegmentIndex.ZERO, randomHash(random));
  }

  static List<ShardSegmentRoot> random(Random random, int count) {
    List<ShardSegmentRoot> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ShardIndex shard =
          switch (random.nextInt(3)) {
            case 0 -> ShardIndex.BEACON;
            case 1 -> ShardIndex.intermediate(1 + random.nextInt(1023));
            default ->
                ShardIndex.leaf(ShardIndex.intermediate(1 + random.nextInt(1023)), 1 + i % 1023);
          };
      out.add(
          new ShardSegmentRoot(
              shard, new LocalSegmentIndex(random.nextLong() >>> 1), randomHash(random)));
    }
    return out;
  }

  static Hash randomHash(Random random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hash.wrap(b);
  }
}
