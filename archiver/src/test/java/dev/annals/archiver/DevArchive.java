package dev.annals.archiver;

import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A dev-preset archive of random blocks, shared by the archiver tests. */
record DevArchive(List<byte[]> blocks, List<ArchivedSegment> segments) {
  static final ProtocolParameters DEV = ProtocolParameters.DEV;
  static final ShardIndex SHARD = ShardIndex.intermediate(3);

  /** Blocks of random sizes up to {@code maxBlock} until {@code minSegments} segments exist. */
  static DevArchive of(long seed, int maxBlock, int minSegments) {
    Random random = new Random(seed);
    SegmentArchiver archiver = SegmentArchiver.create(DEV, SHARD, null);
    List<byte[]> blocks = new ArrayList<>();
    List<ArchivedSegment> segments = new ArrayList<>();
    while (segments.size() < minSegments) {
      byte[] block = new byte[1 + random.nextInt(maxBlock)];
      random.nextBytes(block);
      blocks.add(block);
      segments.addAll(archiver.addBlock(block));
    }
    return new DevArchive(blocks, segments);
  }
}
