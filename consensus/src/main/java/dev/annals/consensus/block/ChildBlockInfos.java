package dev.annals.consensus.block;

import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.LeafSegments;
import dev.annals.primitives.block.ProvenSegments;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a producer wraps a child block for its parent shard's body so that the child rules accept it
 * (docs/block-rules.md, "Children"): the child's own segments with the sibling hash that ties them
 * to the child's body root.
 */
public final class ChildBlockInfos {
  private ChildBlockInfos() {}

  /** A leaf block for an intermediate body; the proof is the leaf body's transactions root. */
  public static LeafBlockInfo leaf(LeafBlockHeader header, LeafBlockBody body) {
    return new LeafBlockInfo(
        header, body.ownSegments().map(own -> new ProvenSegments(own, body.transactionsRoot())));
  }

  /**
   * An intermediate block for a beacon body: its own segments, its leaf blocks' segments (those
   * that carry any, in body order) and, when there is any, the proof: the intermediate body's leaf
   * headers root.
   */
  public static IntermediateBlockInfo intermediate(
      IntermediateBlockHeader header, IntermediateBlockBody body, ProtocolParameters params) {
    List<LeafSegments> leaves = new ArrayList<>();
    byte[] headerLeaves = new byte[body.leafBlocks().size() * Hash.SIZE];
    for (int i = 0; i < body.leafBlocks().size(); i++) {
      LeafBlockInfo leaf = body.leafBlocks().get(i);
      leaf.segments()
          .ifPresent(
              s -> leaves.add(new LeafSegments(leaf.header().prefix().shardIndex(), s.segments())));
      Hash.blake3(leaf.header().root(params).toBytes()).copyTo(headerLeaves, i * Hash.SIZE);
    }
    boolean any = body.ownSegments().isPresent() || !leaves.isEmpty();
    Optional<Hash> proof = Optional.empty();
    if (any) {
      proof =
          Optional.of(
              body.leafBlocks().isEmpty()
                  ? Hash.ZERO
                  : Hash.wrap(
                      UnbalancedMerkleTree.root(headerLeaves, 0, body.leafBlocks().size())));
    }
    return new IntermediateBlockInfo(header, proof, body.ownSegments(), leaves);
  }
}
