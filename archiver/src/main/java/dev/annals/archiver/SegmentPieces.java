package dev.annals.archiver;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;

/**
 * The pieces of one segment that are at hand (null where missing), checked to belong together, with
 * erasure recovery of the records that are not.
 */
final class SegmentPieces {
  private SegmentPieces() {}

  /** The first piece present; checks that all present pieces name the same segment. */
  static PieceHeader commonHeader(ProtocolParameters params, Piece[] pieces) {
    if (pieces.length != params.piecesPerSegment()) {
      throw new IllegalArgumentException(
          "a segment has "
              + params.piecesPerSegment()
              + " piece slots in preset "
              + params.name()
              + ", got "
              + pieces.length);
    }
    PieceHeader first = null;
    int present = 0;
    for (int i = 0; i < pieces.length; i++) {
      Piece piece = pieces[i];
      if (piece == null) {
        continue;
      }
      present++;
      if (piece.record().size() != params.recordSize()) {
        throw new IllegalArgumentException(
            "piece "
                + i
                + " has a record of "
                + piece.record().size()
                + " bytes, preset "
                + params.name()
                + " needs "
                + params.recordSize());
      }
      PieceHeader h = piece.header();
      if (first == null) {
        first = h;
      } else if (!h.shardIndex().equals(first.shardIndex())
          || !h.localSegmentIndex().equals(first.localSegmentIndex())
          || !h.segmentRoot().equals(first.segmentRoot())) {
        throw new IllegalArgumentException(
            "piece "
                + i
                + " is of shard "
                + h.shardIndex()
                + " segment "
                + h.localSegmentIndex()
                + ", not of the segment of the other pieces (shard "
                + first.shardIndex()
                + " segment "
                + first.localSegmentIndex()
                + ")");
      }
    }
    int needed = params.sourceRecordsPerSegment();
    if (present < needed) {
      throw new IllegalArgumentException(
          "need at least " + needed + " of a segment's pieces to recover it, got " + present);
    }
    return first;
  }

  /** All records of the segment (source then parity), recovering the missing ones. */
  static byte[][] allRecords(ProtocolParameters params, Piece[] pieces) {
    commonHeader(params, pieces);
    int source = params.sourceRecordsPerSegment();
    byte[][] originals = new byte[source][];
    byte[][] recovery = new byte[params.piecesPerSegment() - source][];
    for (int i = 0; i < pieces.length; i++) {
      byte[] record = pieces[i] == null ? null : pieces[i].record().toBytes();
      if (i < source) {
        originals[i] = record;
      } else {
        recovery[i - source] = record;
      }
    }
    Kernels.erasureCoder().recoverAll(originals, recovery);
    byte[][] all = new byte[pieces.length][];
    System.arraycopy(originals, 0, all, 0, source);
    System.arraycopy(recovery, 0, all, source, recovery.length);
    return all;
  }
}
