package dev.annals.archiver;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.erasure.ErasureCoder;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.segment.Record;
import dev.annals.primitives.segment.SegmentHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Turns a segment's bytes into pieces: erasure coding across the source records, a commitment per
 * record, the segment root over the record roots, and each piece's record proof. The per-record
 * work is independent and runs on a bounded pool.
 */
final class SegmentEncoder {
  /** Column ranges of the parity encoding start and end on the coder's 64-byte blocks. */
  private static final int COLUMN_ALIGNMENT = 64;

  private final ProtocolParameters params;
  private final ShardIndex shard;
  private final ForkJoinPool pool;

  SegmentEncoder(ProtocolParameters params, ShardIndex shard, ForkJoinPool pool) {
    this.params = params;
    this.shard = shard;
    this.pool = pool;
  }

  /**
   * The parity records from the source records. On a pool, the records are split into column ranges
   * of whole 64-byte blocks encoded in parallel (coding is column-wise, so the bytes are those of
   * one whole encoding): otherwise this ~0.1 s step would run on one core while the others wait for
   * the per-record work.
   */
  private void encodeParity(byte[][] sourceRecords, byte[][] parityRecords) {
    ErasureCoder coder = Kernels.erasureCoder();
    int size = params.recordSize();
    int ranges = pool == null ? 1 : Math.min(4 * pool.getParallelism(), size / COLUMN_ALIGNMENT);
    if (ranges <= 1 || size % COLUMN_ALIGNMENT != 0) {
      coder.encode(sourceRecords, parityRecords);
      return;
    }
    int blocks = size / COLUMN_ALIGNMENT;
    IntConsumer encodeRange =
        r -> {
          int from = (int) ((long) blocks * r / ranges) * COLUMN_ALIGNMENT;
          int to = (int) ((long) blocks * (r + 1) / ranges) * COLUMN_ALIGNMENT;
          coder.encode(sourceRecords, parityRecords, from, to - from);
        };
    pool.submit(() -> IntStream.range(0, ranges).parallel().forEach(encodeRange)).join();
  }

  /**
   * Encodes {@code records}, whose first {@code source records per segment} arrays hold the
   * segment's bytes and whose others are overwritten with the parity records. The arrays become the
   * pieces' records (not copied).
   */
  ArchivedSegment encode(
      byte[][] records, LocalSegmentIndex index, Hash previousHeaderHash, LastArchivedBlock last) {
    int source = params.sourceRecordsPerSegment();
    int pieces = params.piecesPerSegment();
    encodeParity(
        Arrays.copyOfRange(records, 0, source), Arrays.copyOfRange(records, source, pieces));

    byte[] recordRoots = new byte[pieces * Hash.SIZE];
    byte[] parityRoots = new byte[pieces * Hash.SIZE];
    IntStream positions = IntStream.range(0, pieces);
    IntConsumer commit =
        i ->
            RecordCommitment.commit(
                params, records[i], 0, recordRoots, i * Hash.SIZE, parityRoots, i * Hash.SIZE);
    if (pool == null) {
      positions.forEach(commit);
    } else {
      pool.submit(() -> positions.parallel().forEach(commit)).join();
    }

    Hash segmentRoot = Hash.wrap(BalancedMerkleTree.root(recordRoots, 0, pieces));
    byte[] proofs = BalancedMerkleTree.allProofs(recordRoots, 0, pieces);
    SegmentHeader header = new SegmentHeader(index, segmentRoot, previousHeaderHash, last);

    int proofHashes = params.recordProofHashes();
    List<Hash> emptySegmentProof = Proofs.zeros(params.segmentProofHashes());
    List<Piece> result = new ArrayList<>(pieces);
    for (int i = 0; i < pieces; i++) {
      List<Hash> recordProof = new ArrayList<>(proofHashes);
      for (int h = 0; h < proofHashes; h++) {
        int at = (i * proofHashes + h) * Hash.SIZE;
        recordProof.add(Hash.wrap(Arrays.copyOfRange(proofs, at, at + Hash.SIZE)));
      }
      PieceHeader pieceHeader =
          new PieceHeader(
              shard,
              index,
              SuperSegmentIndex.ZERO,
              SegmentPosition.ZERO,
              segmentRoot,
              emptySegmentProof,
              Hash.wrap(Arrays.copyOfRange(parityRoots, i * Hash.SIZE, (i + 1) * Hash.SIZE)),
              recordProof);
      result.add(new Piece(pieceHeader, Record.wrap(records[i], params)));
    }
    return new ArchivedSegment(header, result);
  }
}
