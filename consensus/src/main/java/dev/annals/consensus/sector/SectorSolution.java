package dev.annals.consensus.sector;

import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What proving a winning chunk yields, the sector's part of a solution.
 *
 * @param pieceOffset the piece holding the chunk
 * @param sBucket the audited s-bucket
 * @param chunk the unmasked extended chunk s (the solution's chunk)
 * @param chunkProof sibling hashes of chunk s in the balanced tree over the extended record
 * @param recordRoot that tree's root (equals the archiver's record root)
 * @param proofOfSpace the record's proof for s
 * @param pieceHeader the stored header (segment root and proof, record proof, indices)
 */
public record SectorSolution(
    int pieceOffset,
    int sBucket,
    byte[] chunk,
    byte[] chunkProof,
    Hash recordRoot,
    byte[] proofOfSpace,
    PieceHeader pieceHeader) {

  /** Whether the chunk proof places the chunk at s-bucket {@code sBucket} under the record root. */
  public boolean chunkProofValid(ProtocolParameters params) {
    return BalancedMerkleTree.verify(
        recordRoot.toBytes(), params.sBuckets(), sBucket, chunk, chunkProof);
  }

  /**
   * The full solution: this sector part, the segment part from the stored piece header, and the
   * farmer's identity, shard commitment reveal and sector.
   */
  public Solution toSolution(
      Hash publicKeyHash,
      ShardCommitment commitment,
      HistorySize historySize,
      SectorIndex sectorIndex) {
    List<Hash> proofHashes = new ArrayList<>(chunkProof.length / Hash.SIZE);
    for (int at = 0; at < chunkProof.length; at += Hash.SIZE) {
      proofHashes.add(Hash.wrap(Arrays.copyOfRange(chunkProof, at, at + Hash.SIZE)));
    }
    return new Solution(
        publicKeyHash,
        commitment,
        pieceHeader.localSegmentIndex(),
        pieceHeader.superSegmentIndex(),
        pieceHeader.segmentRoot(),
        pieceHeader.segmentProof(),
        recordRoot,
        pieceHeader.recordProof(),
        Hash.of(chunk),
        proofHashes,
        Bytes.of(proofOfSpace),
        historySize,
        sectorIndex,
        new PieceOffset(pieceOffset),
        pieceHeader.segmentPosition(),
        pieceHeader.shardIndex());
  }
}
