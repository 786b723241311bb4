package dev.annals.node.archiving;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.primitives.Hash;
import java.util.List;

/**
 * What archiving one confirmed block produced: the segments it completed (often none) and the local
 * index the next segment gets afterwards. Held in memory from the moment the block is fed until a
 * committed batch holds it.
 */
record ArchivingStep(
    long blockNumber, Hash blockRoot, List<ArchivedSegment> segments, long nextSegmentIndex) {
  ArchivingStep {
    segments = List.copyOf(segments);
  }
}
