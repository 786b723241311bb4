package dev.annals.supersegment;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Well-chained headers with random roots and segment counts (no segments behind them). */
final class SyntheticHeaders {
  private SyntheticHeaders() {}

  static List<SuperSegmentHeader> chain(Random random, int count, int maxSegments) {
    List<SuperSegmentHeader> out = new ArrayList<>(count);
    SuperSegmentHeader first =
        new SuperSegmentHeader(
            SuperSegmentIndex.ZERO,
            TestSegments.randomHash(random),
            Hash.ZERO,
            GlobalSegmentIndex.ZERO,
            new BlockNumber(1),
            1);
    out.add(first);
    while (out.size() < count) {
      out.add(after(out.getLast(), random, 1 + random.nextInt(maxSegments)));
    }
    return out;
  }

  static SuperSegmentHeader after(SuperSegmentHeader last, Random random, int segments) {
    return new SuperSegmentHeader(
        last.index().next(),
        TestSegments.randomHash(random),
        last.hash(),
        new GlobalSegmentIndex(last.maxSegmentIndex().value() + segments),
        new BlockNumber(last.targetBeaconBlockNumber().value() + 1 + random.nextInt(3)),
        segments);
  }

  static SuperSegmentHeader with(
      SuperSegmentHeader h, long index, Hash previous, long max, long target, int segments) {
    return new SuperSegmentHeader(
        new SuperSegmentIndex(index),
        h.root(),
        previous,
        new GlobalSegmentIndex(max),
        new BlockNumber(target),
        segments);
  }
}
