package dev.annals.consensus.block;

import dev.annals.primitives.block.LeafSegments;
import dev.annals.primitives.block.OwnSegments;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Short text forms of segment lists for rule failure messages. */
final class OwnSegmentsText {
  private OwnSegmentsText() {}

  static String of(Optional<OwnSegments> segments) {
    return segments
        .map(s -> "segments from local index " + s.firstLocalIndex() + " " + s.segmentRoots())
        .orElse("no segments");
  }

  static String ofLeaves(List<LeafSegments> leaves) {
    return leaves.stream()
        .map(l -> "shard " + l.shard() + ": " + of(Optional.of(l.segments())))
        .collect(Collectors.joining("; ", "[", "]"));
  }
}
