package dev.annals.benchmarks.sector;

import dev.annals.archiver.RecordCommitment;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Pieces with random records and consistent parity roots: plotting cost does not depend on them.
 */
final class SyntheticPieces {
  private SyntheticPieces() {}

  static List<Piece> of(ProtocolParameters p, int count, long seed) {
    Random random = new Random(seed);
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] record = new byte[p.recordSize()];
      random.nextBytes(record);
      byte[] parityRoot = new byte[32];
      RecordCommitment.commit(p, record, 0, parityRoot, 0);
      PieceHeader header =
          new PieceHeader(
              ShardIndex.BEACON,
              new LocalSegmentIndex(i),
              new SuperSegmentIndex(0),
              new SegmentPosition(0),
              Hash.blake3(record),
              Collections.nCopies(p.segmentProofHashes(), Hash.ZERO),
              Hash.wrap(parityRoot),
              Collections.nCopies(p.recordProofHashes(), Hash.ZERO));
      pieces.add(new Piece(header, Record.wrap(record, p)));
    }
    return pieces;
  }
}
