package dev.annals.archiver;

import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds any piece of a segment from any half of its pieces: the record by erasure recovery, the
 * parity chunks root and record proof by recommitting every record. Segment-level fields (shard,
 * indices, segment root, super segment fields) are taken from the pieces present.
 */
public final class PieceReconstructor {
  private final ProtocolParameters params;

  public PieceReconstructor(ProtocolParameters params) {
    this.params = params;
  }

  /** The piece at {@code position}, rebuilt from the pieces at hand (null where missing). */
  public Piece reconstruct(Piece[] pieces, int position) {
    if (position < 0 || position >= params.piecesPerSegment()) {
      throw new IllegalArgumentException(
          "piece position must be in [0, " + params.piecesPerSegment() + "), got " + position);
    }
    PieceHeader template = SegmentPieces.commonHeader(params, pieces);
    byte[][] records = SegmentPieces.allRecords(params, pieces);
    int count = records.length;
    byte[] recordRoots = new byte[count * Hash.SIZE];
    byte[] parityRoots = new byte[count * Hash.SIZE];
    for (int i = 0; i < count; i++) {
      byte[] root = RecordCommitment.commit(params, records[i], 0, parityRoots, i * Hash.SIZE);
      System.arraycopy(root, 0, recordRoots, i * Hash.SIZE, Hash.SIZE);
    }
    Hash root = Hash.wrap(BalancedMerkleTree.root(recordRoots, 0, count));
    if (!root.equals(template.segmentRoot())) {
      throw new IllegalArgumentException(
          "the pieces given rebuild a segment with root "
              + root.toHex()
              + ", not their stated root "
              + template.segmentRoot().toHex()
              + ": some piece is corrupt");
    }
    byte[] proof = BalancedMerkleTree.proof(recordRoots, 0, count, position);
    List<Hash> recordProof = new ArrayList<>();
    for (int at = 0; at < proof.length; at += Hash.SIZE) {
      recordProof.add(Hash.wrap(Arrays.copyOfRange(proof, at, at + Hash.SIZE)));
    }
    PieceHeader header =
        new PieceHeader(
            template.shardIndex(),
            template.localSegmentIndex(),
            template.superSegmentIndex(),
            template.segmentPosition(),
            template.segmentRoot(),
            template.segmentProof(),
            Hash.wrap(
                Arrays.copyOfRange(parityRoots, position * Hash.SIZE, (position + 1) * Hash.SIZE)),
            recordProof);
    return new Piece(header, Record.wrap(records[position], params));
  }
}
