package dev.annals.consensus.sector;

import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.PieceHeader;

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
}
