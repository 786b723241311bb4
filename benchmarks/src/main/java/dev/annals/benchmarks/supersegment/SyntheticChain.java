package dev.annals.benchmarks.supersegment;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.SuperSegmentChain;
import java.util.SplittableRandom;

/**
 * A well-chained run of super segment headers with random roots and 1..=64 segments each, appended
 * to a {@link SuperSegmentChain} one by one (every append checks the chain rules).
 */
final class SyntheticChain {
  private SyntheticChain() {}

  static SuperSegmentChain build(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SuperSegmentChain chain = new SuperSegmentChain();
    SuperSegmentHeader last =
        new SuperSegmentHeader(
            SuperSegmentIndex.ZERO,
            randomHash(random),
            Hash.ZERO,
            GlobalSegmentIndex.ZERO,
            new BlockNumber(1),
            1);
    chain.append(last);
    for (int i = 1; i < count; i++) {
      int segments = 1 + random.nextInt(64);
      last =
          new SuperSegmentHeader(
              last.index().next(),
              randomHash(random),
              last.hash(),
              new GlobalSegmentIndex(last.maxSegmentIndex().value() + segments),
              new BlockNumber(last.targetBeaconBlockNumber().value() + 1),
              segments);
      chain.append(last);
    }
    return chain;
  }

  private static Hash randomHash(SplittableRandom random) {
    byte[] b = new byte[Hash.SIZE];
    random.nextBytes(b);
    return Hash.wrap(b);
  }
}
