package dev.annals.archiver;

import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.SegmentHeader;
import java.util.List;

/**
 * Rebuilds blocks from a shard's segments, each given as any half (or more) of its pieces. Segments
 * must come in order of local index; the first may be any segment.
 */
public final class Reconstructor {
  private final ProtocolParameters params;
  private final BlockReassembler reassembler;
  private PieceHeader previous;

  public Reconstructor(ProtocolParameters params) {
    this.params = params;
    this.reassembler = new BlockReassembler(Math.toIntExact(params.segmentSize()));
  }

  /**
   * Adds the next segment's pieces (indexed by position, null where missing) and returns the blocks
   * it completes. Bad input (mixed segments, too few pieces, a segment out of order, malformed
   * segment bytes) is an {@link IllegalArgumentException} and changes nothing.
   */
  public List<ReconstructedBlock> addSegment(Piece[] pieces) {
    PieceHeader header = SegmentPieces.commonHeader(params, pieces);
    if (previous != null) {
      if (!header.shardIndex().equals(previous.shardIndex())) {
        throw new IllegalArgumentException(
            "segment of shard "
                + header.shardIndex()
                + " after one of shard "
                + previous.shardIndex());
      }
      long expected = previous.localSegmentIndex().value() + 1;
      if (header.localSegmentIndex().value() != expected) {
        throw new IllegalArgumentException(
            "expected segment " + expected + " next, got " + header.localSegmentIndex());
      }
    }
    byte[][] records = SegmentPieces.allRecords(params, pieces);
    int source = params.sourceRecordsPerSegment();
    byte[] segment = new byte[Math.toIntExact(params.segmentSize())];
    for (int i = 0; i < source; i++) {
      System.arraycopy(records[i], 0, segment, i * params.recordSize(), params.recordSize());
    }
    SegmentContents contents = SegmentItemReader.readContents(segment, SegmentHeader.SIZE);
    ArchiveProgress parentProgress = null;
    if (!contents.items().isEmpty()
        && contents.items().getFirst().kind() == SegmentItemKind.PARENT_SEGMENT_HEADER) {
      SegmentHeader parent = SegmentHeader.decode(contents.items().getFirst().payload());
      if (parent.index().value() + 1 != header.localSegmentIndex().value()) {
        throw new IllegalArgumentException(
            "segment "
                + header.localSegmentIndex()
                + " opens with the header of segment "
                + parent.index()
                + ", not of the one before it");
      }
      parentProgress = progressOf(parent.lastArchivedBlock());
    } else if (header.localSegmentIndex().value() != 0) {
      throw new IllegalArgumentException(
          "segment " + header.localSegmentIndex() + " lacks its parent segment header");
    }
    List<ReconstructedBlock> blocks = reassembler.addSegment(contents, parentProgress);
    previous = header;
    return blocks;
  }

  /** Settles a block left open by the last segment, given that segment's own header. */
  public java.util.Optional<ReconstructedBlock> finish(SegmentHeader lastSegmentHeader) {
    return reassembler.finish(progressOf(lastSegmentHeader.lastArchivedBlock()));
  }

  private static ArchiveProgress progressOf(LastArchivedBlock last) {
    return new ArchiveProgress(last.number().value(), Math.toIntExact(last.archivedBytes()));
  }
}
