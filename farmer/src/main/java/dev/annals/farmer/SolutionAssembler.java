package dev.annals.farmer;

import dev.annals.consensus.sector.SectorSolution;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a proved chunk into a full {@link Solution}: the sector part from the prover, the segment
 * part (local and super segment index, segment position, segment root and proof, piece shard) from
 * the landed piece's stored header, and the shard commitment reveal at the index the assignment
 * derives.
 */
final class SolutionAssembler {
  private SolutionAssembler() {}

  static Solution assemble(
      FarmerIdentity identity,
      FarmSector sector,
      SectorSolution proved,
      ShardCommitment commitment) {
    PieceHeader header = proved.pieceHeader();
    return new Solution(
        identity.publicKeyHash(),
        commitment,
        header.localSegmentIndex(),
        header.superSegmentIndex(),
        header.segmentRoot(),
        header.segmentProof(),
        proved.recordRoot(),
        header.recordProof(),
        Hash.of(proved.chunk()),
        hashes(proved.chunkProof()),
        Bytes.of(proved.proofOfSpace()),
        sector.historySize(),
        sector.index(),
        new PieceOffset(proved.pieceOffset()),
        header.segmentPosition(),
        header.shardIndex());
  }

  private static List<Hash> hashes(byte[] concatenated) {
    List<Hash> out = new ArrayList<>(concatenated.length / Hash.SIZE);
    for (int at = 0; at < concatenated.length; at += Hash.SIZE) {
      out.add(Hash.wrap(Arrays.copyOfRange(concatenated, at, at + Hash.SIZE)));
    }
    return out;
  }
}
