package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A leaf block inside an intermediate block's body: the leaf header, then own segment count u8; if
 * non-zero, the first local index u64, the segments proof and the roots.
 */
public record LeafBlockInfo(LeafBlockHeader header, Optional<ProvenSegments> segments) {
  public LeafBlockInfo {
    if (header == null || segments == null) {
      throw new IllegalArgumentException("leaf_block: every field must be set (value null)");
    }
  }

  void encodeTo(ByteWriter w, ProtocolParameters params) {
    w.bytes(header.encode(params));
    if (segments.isEmpty()) {
      w.u8(0);
      return;
    }
    OwnSegments own = segments.get().segments();
    w.u8(own.segmentRoots().size()).u64(own.firstLocalIndex().value()).hash(segments.get().proof());
    for (Hash root : own.segmentRoots()) {
      w.hash(root);
    }
  }

  static LeafBlockInfo decodeFrom(ByteReader r, ProtocolParameters params) {
    String outer = r.scope(r.field("header."));
    BlockHeader header = BlockHeader.decodeFrom(r, params);
    r.scope(outer);
    if (!(header instanceof LeafBlockHeader leaf)) {
      throw new DecodeException(
          r.field("header.prefix.shard_index"),
          header.prefix().shardIndex().toString(),
          "an intermediate body carries leaf shard blocks only");
    }
    int count = r.u8("own_segments.count");
    if (count == 0) {
      return new LeafBlockInfo(leaf, Optional.empty());
    }
    long first = r.u64("own_segments.first_local_segment_index");
    Hash proof = r.hash("own_segments.proof");
    List<Hash> roots = new ArrayList<Hash>(count);
    for (int i = 0; i < count; i++) {
      roots.add(r.hash("own_segments.segment_roots[" + i + "]"));
    }
    OwnSegments own;
    try {
      own = new OwnSegments(new LocalSegmentIndex(first), roots);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(
          r.field("own_segments.first_local_segment_index"),
          Long.toUnsignedString(first),
          e.getMessage());
    }
    return new LeafBlockInfo(leaf, Optional.of(new ProvenSegments(own, proof)));
  }
}
