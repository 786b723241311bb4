package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An intermediate block inside a beacon body: the header, own segment count u8, count of leaf
 * entries u8, the segments proof (present iff either count is non-zero), the own segments' first
 * local index u64 and roots (if any), then per leaf entry: shard index u32, root count u8 (≥ 1),
 * first local index u64, roots. Leaf entries must belong to this intermediate shard.
 */
public record IntermediateBlockInfo(
    IntermediateBlockHeader header,
    Optional<Hash> segmentsProof,
    Optional<OwnSegments> ownSegments,
    List<LeafSegments> leafSegments) {
  public static final int MAX_LEAF_ENTRIES = 255;

  public IntermediateBlockInfo {
    if (header == null || segmentsProof == null || ownSegments == null || leafSegments == null) {
      throw new IllegalArgumentException(
          "intermediate_block: every field must be set (value null)");
    }
    leafSegments = List.copyOf(leafSegments);
    if (leafSegments.size() > MAX_LEAF_ENTRIES) {
      throw new IllegalArgumentException(
          "intermediate_block.leaf_segments: at most 255 entries (value "
              + leafSegments.size()
              + ")");
    }
    boolean anySegments = ownSegments.isPresent() || !leafSegments.isEmpty();
    if (anySegments != segmentsProof.isPresent()) {
      throw new IllegalArgumentException(
          "intermediate_block.segments_proof: present exactly when segments are (value "
              + segmentsProof.map(Hash::toHex).orElse("absent")
              + ")");
    }
    ShardIndex shard = header.prefix().shardIndex();
    for (LeafSegments leaf : leafSegments) {
      if (!leaf.shard().parent().equals(shard)) {
        throw new IllegalArgumentException(
            "intermediate_block.leaf_segments.shard_index: not a child of shard "
                + shard
                + " (value "
                + leaf.shard()
                + ")");
      }
    }
  }

  /** Unbalanced root over own segments' root (if any) then each leaf's root with its shard. */
  Hash segmentsRoot() {
    List<Hash> leaves = new ArrayList<>(1 + leafSegments.size());
    ownSegments.ifPresent(own -> leaves.add(own.root()));
    for (LeafSegments leaf : leafSegments) {
      leaves.add(leaf.segments().rootWithShard(leaf.shard()));
    }
    return MerkleRoots.unbalancedRootOrZero(leaves);
  }

  void encodeTo(ByteWriter w, ProtocolParameters params) {
    w.bytes(header.encode(params));
    w.u8(ownSegments.map(o -> o.segmentRoots().size()).orElse(0)).u8(leafSegments.size());
    segmentsProof.ifPresent(w::hash);
    ownSegments.ifPresent(o -> o.encodeIndexAndRoots(w));
    for (LeafSegments leaf : leafSegments) {
      w.u32(leaf.shard().value()).u8(leaf.segments().segmentRoots().size());
      leaf.segments().encodeIndexAndRoots(w);
    }
  }

  static IntermediateBlockInfo decodeFrom(ByteReader r, ProtocolParameters params) {
    String outer = r.scope(r.field("header."));
    BlockHeader header = BlockHeader.decodeFrom(r, params);
    r.scope(outer);
    if (!(header instanceof IntermediateBlockHeader intermediate)) {
      throw new DecodeException(
          r.field("header.prefix.shard_index"),
          header.prefix().shardIndex().toString(),
          "a beacon body carries intermediate shard blocks only");
    }
    int ownCount = r.u8("own_segments.count");
    int leafCount = r.u8("leaf_segments.count");
    Optional<Hash> proof =
        ownCount > 0 || leafCount > 0 ? Optional.of(r.hash("segments_proof")) : Optional.empty();
    Optional<OwnSegments> own =
        ownCount > 0
            ? Optional.of(OwnSegments.decodeIndexAndRoots(r, "own_segments.", ownCount))
            : Optional.empty();
    List<LeafSegments> leaves = new ArrayList<>(leafCount);
    for (int i = 0; i < leafCount; i++) {
      String scope = "leaf_segments[" + i + "].";
      long rawShard = r.u32(scope + "shard_index");
      int count = r.u8(scope + "count");
      if (count == 0) {
        throw new DecodeException(
            r.field(scope + "count"), "0", "a leaf entry carries at least one segment root");
      }
      OwnSegments segments = OwnSegments.decodeIndexAndRoots(r, scope, count);
      ShardIndex shard = Fields.shard(r.field(scope + "shard_index"), rawShard);
      if (shard.kind() != ShardKind.LEAF
          || !shard.parent().equals(intermediate.prefix().shardIndex())) {
        throw new DecodeException(
            r.field(scope + "shard_index"),
            Long.toString(rawShard),
            "not a leaf shard of intermediate shard " + intermediate.prefix().shardIndex());
      }
      leaves.add(new LeafSegments(shard, segments));
    }
    return new IntermediateBlockInfo(intermediate, proof, own, leaves);
  }
}
