package dev.annals.primitives.segment;

import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.List;

/**
 * The header in front of a piece's record (984 bytes in production, 856 in dev): shard index
 * u32 @0, local segment index u64 @4, super segment index u64 @12, segment position u32 @20,
 * segment root @24, segment proof @56 (segment proof hashes × 32), parity chunks root, record
 * proof.
 *
 * <p>The archiver fills shard, local index, segment root, parity chunks root and record proof; the
 * super segment fields stay zero until the segment lands in a super segment.
 */
public record PieceHeader(
    ShardIndex shardIndex,
    LocalSegmentIndex localSegmentIndex,
    SuperSegmentIndex superSegmentIndex,
    SegmentPosition segmentPosition,
    Hash segmentRoot,
    List<Hash> segmentProof,
    Hash parityChunksRoot,
    List<Hash> recordProof) {

  public PieceHeader {
    if (shardIndex == null
        || localSegmentIndex == null
        || superSegmentIndex == null
        || segmentPosition == null
        || segmentRoot == null
        || parityChunksRoot == null) {
      throw new IllegalArgumentException("piece_header: every field must be set (value null)");
    }
    if (!shardIndex.kind().isReal()) {
      throw new IllegalArgumentException(
          "piece_header.shard_index: phantom shard has no history (value " + shardIndex + ")");
    }
    segmentProof = List.copyOf(segmentProof);
    recordProof = List.copyOf(recordProof);
  }

  /** Checks the proof lengths against a preset (the record has no length of its own). */
  public PieceHeader checkFor(ProtocolParameters params) {
    Proofs.checkSegmentProof("segment_proof", segmentProof, params.segmentProofHashes());
    Proofs.check("record_proof", recordProof, params.recordProofHashes());
    return this;
  }

  public byte[] encode(ProtocolParameters params) {
    ByteWriter w = new ByteWriter(params.pieceHeaderSize());
    encodeTo(w, params);
    return w.toByteArray();
  }

  public void encodeTo(ByteWriter w, ProtocolParameters params) {
    checkFor(params);
    w.u32(shardIndex.value())
        .u64(localSegmentIndex.value())
        .u64(superSegmentIndex.value())
        .u32(segmentPosition.value())
        .hash(segmentRoot);
    Proofs.write(w, segmentProof);
    w.hash(parityChunksRoot);
    Proofs.write(w, recordProof);
  }

  public static PieceHeader decode(byte[] bytes, ProtocolParameters params) {
    ByteReader r = new ByteReader(bytes);
    PieceHeader header = decodeFrom(r, params);
    r.expectEnd("piece_header");
    return header;
  }

  public static PieceHeader decodeFrom(ByteReader r, ProtocolParameters params) {
    long shard = r.u32("shard_index");
    long local = r.u64("local_segment_index");
    long superIndex = r.u64("super_segment_index");
    long position = r.u32("segment_position");
    Hash root = r.hash("segment_root");
    List<Hash> segmentProof = Proofs.read(r, "segment_proof", params.segmentProofHashes());
    Hash parity = r.hash("parity_chunks_root");
    List<Hash> recordProof = Proofs.read(r, "record_proof", params.recordProofHashes());
    ShardIndex shardIndex = Fields.shard(r.field("shard_index"), shard);
    if (!shardIndex.kind().isReal()) {
      throw new DecodeException(
          r.field("shard_index"), Long.toString(shard), "phantom shard has no history");
    }
    SegmentPosition segmentPosition = Fields.segmentPosition(r.field("segment_position"), position);
    Proofs.checkSegmentProof(r.field("segment_proof"), segmentProof, params.segmentProofHashes());
    return new PieceHeader(
        shardIndex,
        new LocalSegmentIndex(local),
        new SuperSegmentIndex(superIndex),
        segmentPosition,
        root,
        segmentProof,
        parity,
        recordProof);
  }
}
