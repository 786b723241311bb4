package dev.annals.node.devnet;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.util.List;
import java.util.Optional;

/**
 * The pieces of the beacon genesis segment (global segment 0) with their super segment 0 fields
 * filled, known before beacon block 1 lands them: farmers must plot them to win block 1, and
 * storage serves a piece only once its segment has landed. Built by archiving the beacon genesis
 * bytes exactly as the beacon archiver task does, so they equal what block 1 later stores.
 */
final class GenesisSegmentPieces {
  private final List<Piece> pieces;

  GenesisSegmentPieces(GenesisBlocks genesis) {
    ProtocolParameters params = genesis.spec().parameters();
    List<ArchivedSegment> segments =
        SegmentArchiver.create(params, ShardIndex.BEACON, null)
            .addBlock(genesis.beaconArchiverBytes());
    if (segments.size() != 1) {
      throw new IllegalStateException(
          "the beacon genesis must fill exactly one segment (value " + segments.size() + ")");
    }
    ArchivedSegment segment = segments.getFirst();
    SuperSegment first =
        SuperSegment.first(
            new BlockNumber(1),
            new ShardSegmentRoot(
                ShardIndex.BEACON, LocalSegmentIndex.ZERO, segment.header().root()));
    List<dev.annals.primitives.Hash> proof = first.storedProof(SegmentPosition.ZERO, params);
    this.pieces =
        segment.pieces().stream()
            .map(
                p -> {
                  PieceHeader h = p.header();
                  return new Piece(
                      new PieceHeader(
                          h.shardIndex(),
                          h.localSegmentIndex(),
                          SuperSegmentIndex.ZERO,
                          SegmentPosition.ZERO,
                          h.segmentRoot(),
                          proof,
                          h.parityChunksRoot(),
                          h.recordProof()),
                      p.record());
                })
            .toList();
  }

  /** The piece with this global index if it is one of segment 0's. */
  Optional<Piece> piece(PieceIndex index) {
    long i = index.value();
    return i >= 0 && i < pieces.size() ? Optional.of(pieces.get((int) i)) : Optional.empty();
  }
}
