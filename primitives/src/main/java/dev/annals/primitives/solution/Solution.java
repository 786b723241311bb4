package dev.annals.primitives.solution;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Fields;
import dev.annals.primitives.segment.Proofs;
import java.util.List;

/**
 * A farmer's winning solution, 2440 bytes in production (1672 in dev), fields in this order: public
 * key hash, shard commitment, piece local segment index u64, piece super segment index u64, segment
 * root, segment proof, record root, record proof, chunk (32 bytes), chunk proof, proof of space (64
 * × K bits), history size u64 (stored as segments − 1), sector index u16, piece offset u16, segment
 * position u32, piece shard index u32, 4 zero bytes.
 */
public record Solution(
    Hash publicKeyHash,
    ShardCommitment shardCommitment,
    LocalSegmentIndex pieceLocalSegmentIndex,
    SuperSegmentIndex pieceSuperSegmentIndex,
    Hash segmentRoot,
    List<Hash> segmentProof,
    Hash recordRoot,
    List<Hash> recordProof,
    Hash chunk,
    List<Hash> chunkProof,
    Bytes proofOfSpace,
    HistorySize historySize,
    SectorIndex sectorIndex,
    PieceOffset pieceOffset,
    SegmentPosition segmentPosition,
    ShardIndex pieceShardIndex) {

  public Solution {
    if (publicKeyHash == null
        || shardCommitment == null
        || pieceLocalSegmentIndex == null
        || pieceSuperSegmentIndex == null
        || segmentRoot == null
        || recordRoot == null
        || chunk == null
        || proofOfSpace == null
        || historySize == null
        || sectorIndex == null
        || pieceOffset == null
        || segmentPosition == null
        || pieceShardIndex == null) {
      throw new IllegalArgumentException("solution: every field must be set (value null)");
    }
    if (!pieceShardIndex.kind().isReal()) {
      throw new IllegalArgumentException(
          "solution.piece_shard_index: phantom shard has no pieces (value "
              + pieceShardIndex
              + ")");
    }
    segmentProof = List.copyOf(segmentProof);
    recordProof = List.copyOf(recordProof);
    chunkProof = List.copyOf(chunkProof);
  }

  /** Checks every preset-sized field. */
  public Solution checkFor(ProtocolParameters params) {
    Proofs.check(
        "shard_commitment.proof", shardCommitment.proof(), params.shardCommitmentProofHashes());
    Proofs.checkSegmentProof("segment_proof", segmentProof, params.segmentProofHashes());
    Proofs.check("record_proof", recordProof, params.recordProofHashes());
    Proofs.check("chunk_proof", chunkProof, params.chunkProofHashes());
    proofOfSpace.requireLength("proof_of_space", params.posProofSize());
    return this;
  }

  public byte[] encode(ProtocolParameters params) {
    ByteWriter w = new ByteWriter(params.solutionSize());
    encodeTo(w, params);
    return w.toByteArray();
  }

  public void encodeTo(ByteWriter w, ProtocolParameters params) {
    checkFor(params);
    w.hash(publicKeyHash);
    shardCommitment.encodeTo(w, params);
    w.u64(pieceLocalSegmentIndex.value()).u64(pieceSuperSegmentIndex.value()).hash(segmentRoot);
    Proofs.write(w, segmentProof);
    w.hash(recordRoot);
    Proofs.write(w, recordProof);
    w.hash(chunk);
    Proofs.write(w, chunkProof);
    w.bytes(proofOfSpace)
        .u64(historySize.encoded())
        .u16(sectorIndex.value())
        .u16(pieceOffset.value())
        .u32(segmentPosition.value())
        .u32(pieceShardIndex.value())
        .zeros(4);
  }

  public static Solution decode(byte[] bytes, ProtocolParameters params) {
    ByteReader r = new ByteReader(bytes);
    Solution s = decodeFrom(r, params);
    r.expectEnd("solution");
    return s;
  }

  public static Solution decodeFrom(ByteReader r, ProtocolParameters params) {
    Hash publicKeyHash = r.hash("public_key_hash");
    ShardCommitment commitment = ShardCommitment.decodeFrom(r, params);
    long local = r.u64("piece_local_segment_index");
    long superIndex = r.u64("piece_super_segment_index");
    Hash segmentRoot = r.hash("segment_root");
    List<Hash> segmentProof = Proofs.read(r, "segment_proof", params.segmentProofHashes());
    Hash recordRoot = r.hash("record_root");
    List<Hash> recordProof = Proofs.read(r, "record_proof", params.recordProofHashes());
    Hash chunk = r.hash("chunk");
    List<Hash> chunkProof = Proofs.read(r, "chunk_proof", params.chunkProofHashes());
    Bytes pos = r.fixed("proof_of_space", params.posProofSize());
    long history = r.u64("history_size");
    int sector = r.u16("sector_index");
    int offset = r.u16("piece_offset");
    long position = r.u32("segment_position");
    long shard = r.u32("piece_shard_index");
    r.zeros("padding", 4);
    if (history == -1L) {
      throw new DecodeException(
          r.field("history_size"),
          Long.toUnsignedString(history),
          "encoded history size 2^64 − 1 is out of range");
    }
    ShardIndex pieceShard = Fields.shard(r.field("piece_shard_index"), shard);
    if (!pieceShard.kind().isReal()) {
      throw new DecodeException(
          r.field("piece_shard_index"), Long.toString(shard), "phantom shard has no pieces");
    }
    Proofs.checkSegmentProof(r.field("segment_proof"), segmentProof, params.segmentProofHashes());
    return new Solution(
        publicKeyHash,
        commitment,
        new LocalSegmentIndex(local),
        new SuperSegmentIndex(superIndex),
        segmentRoot,
        segmentProof,
        recordRoot,
        recordProof,
        chunk,
        chunkProof,
        pos,
        HistorySize.fromEncoded(history),
        new SectorIndex(sector),
        new PieceOffset(offset),
        Fields.segmentPosition(r.field("segment_position"), position),
        pieceShard);
  }
}
