package dev.annals.node.supersegments;

import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.SegmentLanding;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.SegmentProofs;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lands a super segment: its header and, for every segment in it, a landing under the segment's
 * global index (shard, local index, super segment index, position, stored segment proof). Pieces
 * are not rewritten; {@link ChainStorage#piece(dev.annals.primitives.PieceIndex)} fills their super
 * segment fields from the landing.
 */
public final class SegmentLander {
  private final ChainStorage storage;
  private final ProtocolParameters params;

  public SegmentLander(ChainStorage storage) {
    this.storage = storage;
    this.params = storage.params();
  }

  /**
   * Puts the super segment's header and landings into {@code write} (the batch of the beacon block
   * that derived it) and returns the landings in position order.
   *
   * @throws IllegalStateException the super segment does not follow the last landed one (a beacon
   *     re-org across landed super segments), a segment already landed, or a stored segment header
   *     of the same shard and index has another root
   * @throws IllegalArgumentException a segment appears twice in the super segment
   */
  public List<SegmentLanding> land(BlockWrite write, SuperSegment superSegment) {
    return land(write, superSegment, storage.lastSuperSegmentHeader());
  }

  /**
   * Same, after {@code last} instead of the last committed super segment: for a batch that lands
   * several super segments in order (a best beacon chain that moved forward by several blocks), the
   * previous one of the same batch.
   */
  public List<SegmentLanding> land(
      BlockWrite write, SuperSegment superSegment, Optional<SuperSegmentHeader> last) {
    SuperSegmentHeader header = superSegment.header();
    long expectedIndex = last.map(h -> h.index().value() + 1).orElse(0L);
    Hash expectedPrevious = last.map(SuperSegmentHeader::hash).orElse(Hash.ZERO);
    if (header.index().value() != expectedIndex
        || !header.previousHeaderHash().equals(expectedPrevious)) {
      throw new IllegalStateException(
          "super segment "
              + header.index()
              + " (target beacon block "
              + header.targetBeaconBlockNumber()
              + ") does not follow the last landed one"
              + last.map(
                      h ->
                          " "
                              + h.index()
                              + " (target beacon block "
                              + h.targetBeaconBlockNumber()
                              + ")")
                  .orElse(" (none)")
              + ": a beacon re-org across landed super segments is refused");
    }
    List<ShardSegmentRoot> segments = superSegment.segments();
    Set<SegmentId> seen = new HashSet<>();
    for (ShardSegmentRoot segment : segments) {
      if (!seen.add(new SegmentId(segment.shard(), segment.localIndex()))) {
        throw new IllegalArgumentException(
            "super segment "
                + superSegment.header().index()
                + ": segment "
                + segment.localIndex()
                + " of shard "
                + segment.shard()
                + " appears twice");
      }
      Optional<GlobalSegmentIndex> landed =
          storage.globalIndex(segment.shard(), segment.localIndex());
      if (landed.isPresent()) {
        throw new IllegalStateException(
            "segment "
                + segment.localIndex()
                + " of shard "
                + segment.shard()
                + " already landed as global segment "
                + landed.get()
                + "; super segment "
                + superSegment.header().index()
                + " cannot land it again");
      }
      Optional<SegmentHeader> stored = storage.segmentHeader(segment.shard(), segment.localIndex());
      if (stored.isPresent() && !stored.get().root().equals(segment.root())) {
        throw new IllegalStateException(
            "segment "
                + segment.localIndex()
                + " of shard "
                + segment.shard()
                + " was archived here with root "
                + stored.get().root()
                + " but super segment "
                + superSegment.header().index()
                + " lands root "
                + segment.root());
      }
    }
    write.putSuperSegmentHeader(superSegment.header());
    List<byte[]> proofs = superSegment.allProofs();
    List<SegmentLanding> landings = new ArrayList<>(segments.size());
    for (int p = 0; p < segments.size(); p++) {
      ShardSegmentRoot segment = segments.get(p);
      SegmentPosition position = new SegmentPosition(p);
      SegmentLanding landing =
          new SegmentLanding(
              segment.shard(),
              segment.localIndex(),
              superSegment.header().index(),
              position,
              SegmentProofs.pad(proofs.get(p), params.segmentProofHashes()));
      write.landSegment(superSegment.globalSegmentIndex(position), landing);
      landings.add(landing);
    }
    return landings;
  }

  private record SegmentId(ShardIndex shard, LocalSegmentIndex localIndex) {}
}
