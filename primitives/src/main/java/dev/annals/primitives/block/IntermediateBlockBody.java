package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Intermediate shard body: own segments (count u8 [, first index u64, roots]), leaf block count
 * u16, then each {@link LeafBlockInfo}. Root: {@code pair(pair(own segments root or zero, leaf
 * segments root), leaf headers root)}, where the leaf segments root is the unbalanced root over
 * each leaf block's {@code segments.rootWithShard(shard)} (zero when it has none) and the leaf
 * headers root the unbalanced root over {@code H(leaf block root)}; both zero for no leaf blocks.
 */
public record IntermediateBlockBody(
    Optional<OwnSegments> ownSegments, List<LeafBlockInfo> leafBlocks) implements BlockBody {
  public static final int MAX_BLOCKS = 0xFFFF;

  public IntermediateBlockBody {
    if (ownSegments == null || leafBlocks == null) {
      throw new IllegalArgumentException("intermediate body: every field must be set (value null)");
    }
    if (leafBlocks.size() > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "intermediate body.leaf_blocks: at most 65535 (value " + leafBlocks.size() + ")");
    }
    leafBlocks = List.copyOf(leafBlocks);
  }

  @Override
  public ShardKind kind() {
    return ShardKind.INTERMEDIATE;
  }

  @Override
  public byte[] encode(ProtocolParameters params) {
    ByteWriter w = new ByteWriter(64 + leafBlocks.size() * (params.consensusInfoSize() + 400));
    OwnSegments.encodeOptional(w, ownSegments);
    w.u16(leafBlocks.size());
    for (LeafBlockInfo leaf : leafBlocks) {
      leaf.encodeTo(w, params);
    }
    return w.toByteArray();
  }

  public static IntermediateBlockBody decode(byte[] bytes, ProtocolParameters params) {
    ByteReader r = new ByteReader(bytes);
    Optional<OwnSegments> own = OwnSegments.decodeOptional(r);
    int count = r.u16("leaf_blocks.count");
    List<LeafBlockInfo> leaves = new ArrayList<>(Math.min(count, r.remaining() / 1000 + 1));
    for (int i = 0; i < count; i++) {
      String outer = r.scope("leaf_blocks[" + i + "].");
      leaves.add(LeafBlockInfo.decodeFrom(r, params));
      r.scope(outer);
    }
    r.expectEnd("intermediate_body");
    return new IntermediateBlockBody(own, leaves);
  }

  @Override
  public Hash root(ProtocolParameters params) {
    List<Hash> segmentRoots = new ArrayList<>(leafBlocks.size());
    List<Hash> headerRoots = new ArrayList<>(leafBlocks.size());
    for (LeafBlockInfo leaf : leafBlocks) {
      segmentRoots.add(
          leaf.segments()
              .map(s -> s.segments().rootWithShard(leaf.header().prefix().shardIndex()))
              .orElse(Hash.ZERO));
      headerRoots.add(leaf.header().root(params));
    }
    Hash segments =
        MerkleRoots.pair(
            ownSegments.map(OwnSegments::root).orElse(Hash.ZERO),
            MerkleRoots.unbalancedRootOrZero(segmentRoots));
    return MerkleRoots.pair(segments, MerkleRoots.rehashedRootOrZero(headerRoots));
  }
}
