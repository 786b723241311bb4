package dev.annals.consensus.block;

import dev.annals.kernel.merkle.MerkleNodes;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.LeafSegments;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.ProvenSegments;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for child blocks that beacon and intermediate bodies carry (SHARD-CHAINS §5): the
 * header lists their roots in body order; each is a known block of a child shard; they are ordered
 * by shard, and per shard they extend without gaps the child block the chain included last (or fork
 * off an ancestor of it); the segments claimed for each equal that child's own segments and prove
 * against its body root.
 */
final class ChildBlockRules {
  private final ProtocolParameters params;
  private final ChainView chain;

  ChildBlockRules(ProtocolParameters params, ChainView chain) {
    this.params = params;
    this.chain = chain;
  }

  /** The header's child roots must be the body's child header roots, in body order. */
  void checkRoots(ChildBlockRoots inHeader, List<? extends BlockHeader> inBody)
      throws BlockRuleException {
    List<Hash> expected = new ArrayList<>(inBody.size());
    for (BlockHeader child : inBody) {
      expected.add(child.root(params));
    }
    if (!expected.equals(inHeader.roots())) {
      throw new BlockRuleException(
          BlockRule.CHILD_ROOTS_MISMATCH,
          "header lists child roots "
              + inHeader.roots()
              + ", body's child headers are "
              + expected);
    }
  }

  /**
   * Checks that {@code children} (in body order) may be included by a block of {@code shard} whose
   * parent is {@code parentRoot}.
   */
  void checkChain(ShardIndex shard, Hash parentRoot, List<? extends BlockHeader> children)
      throws BlockVerificationException {
    ShardIndex previousShard = null;
    Hash previousRoot = null;
    for (int i = 0; i < children.size(); i++) {
      BlockHeader child = children.get(i);
      ShardIndex childShard = child.prefix().shardIndex();
      if (!isChildOf(childShard, shard)) {
        throw new BlockRuleException(
            BlockRule.CHILD_NOT_OF_THIS_SHARD,
            "child block " + i + " is on shard " + childShard + ", not a child of shard " + shard);
      }
      if (previousShard != null && childShard.compareTo(previousShard) < 0) {
        throw new BlockRuleException(
            BlockRule.CHILD_ORDER,
            "child block " + i + " of shard " + childShard + " follows shard " + previousShard);
      }
      Hash root = child.root(params);
      if (chain.header(root).isEmpty()) {
        throw new MissingDependencyException(
            BlockRule.CHILD_UNKNOWN, "child block " + i + " " + describe(child, root));
      }
      if (childShard.equals(previousShard)) {
        if (!child.prefix().parentRoot().equals(previousRoot)) {
          throw new BlockRuleException(
              BlockRule.CHILD_GAP_OR_REPEAT,
              "child block "
                  + i
                  + " "
                  + describe(child, root)
                  + " has parent "
                  + child.prefix().parentRoot()
                  + ", expected the preceding child "
                  + previousRoot);
        }
      } else {
        checkExtendsIncluded(i, child, root, chain.lastIncludedChild(parentRoot, childShard));
      }
      previousShard = childShard;
      previousRoot = root;
    }
  }

  private static boolean isChildOf(ShardIndex child, ShardIndex shard) {
    return switch (child.kind()) {
      case INTERMEDIATE, LEAF -> child.parent().equals(shard);
      case BEACON, PHANTOM -> false;
    };
  }

  /**
   * The first child of a shard extends the last included block of that shard, or forks off one of
   * its ancestors (a child re-org) without being on the included chain itself.
   */
  private void checkExtendsIncluded(int i, BlockHeader child, Hash root, Hash lastIncluded)
      throws BlockVerificationException {
    Hash parent = child.prefix().parentRoot();
    if (parent.equals(lastIncluded)) {
      return;
    }
    long number = child.prefix().number().value();
    boolean onIncludedChain = false;
    boolean forksOffIt = false;
    if (number != 0) {
      Optional<BlockHeader> sameHeight = chain.ancestor(lastIncluded, new BlockNumber(number));
      onIncludedChain = sameHeight.isPresent() && sameHeight.get().root(params).equals(root);
      Optional<BlockHeader> forkPoint = chain.ancestor(lastIncluded, new BlockNumber(number - 1));
      forksOffIt = forkPoint.isPresent() && forkPoint.get().root(params).equals(parent);
    }
    if (onIncludedChain || !forksOffIt) {
      throw new BlockRuleException(
          BlockRule.CHILD_GAP_OR_REPEAT,
          "child block "
              + i
              + " "
              + describe(child, root)
              + (onIncludedChain ? " was already included" : " with parent " + parent)
              + "; this chain last included "
              + lastIncluded
              + " of shard "
              + child.prefix().shardIndex());
    }
  }

  /** Leaf blocks in an intermediate body: claimed segments are the leaf's own and prove. */
  void checkLeafSegments(List<LeafBlockInfo> leaves) throws BlockRuleException {
    for (int i = 0; i < leaves.size(); i++) {
      LeafBlockInfo leaf = leaves.get(i);
      Hash root = leaf.header().root(params);
      Optional<OwnSegments> claimed = leaf.segments().map(ProvenSegments::segments);
      Optional<OwnSegments> actual = chain.ownSegments(root);
      if (!claimed.equals(actual)) {
        throw new BlockRuleException(
            BlockRule.CHILD_SEGMENTS_MISMATCH,
            "leaf block "
                + i
                + " "
                + root
                + ": expected "
                + OwnSegmentsText.of(actual)
                + ", actual "
                + OwnSegmentsText.of(claimed));
      }
      if (leaf.segments().isPresent()) {
        ProvenSegments proven = leaf.segments().get();
        Hash bodyRoot = pair(proven.segments().root(), proven.proof());
        if (!bodyRoot.equals(leaf.header().result().bodyRoot())) {
          throw new BlockRuleException(
              BlockRule.CHILD_SEGMENTS_PROOF_INVALID,
              "leaf block "
                  + i
                  + " "
                  + root
                  + ": segments with proof "
                  + proven.proof()
                  + " give body root "
                  + bodyRoot
                  + ", header has "
                  + leaf.header().result().bodyRoot());
        }
      }
    }
  }

  /**
   * Intermediate blocks in a beacon body: the claimed own and leaf segments are the intermediate
   * block's and its leaf blocks' own segments, and with the proof (the intermediate body's leaf
   * headers root) they give the intermediate block's body root.
   */
  void checkIntermediateSegments(List<IntermediateBlockInfo> blocks)
      throws BlockVerificationException {
    for (int i = 0; i < blocks.size(); i++) {
      IntermediateBlockInfo info = blocks.get(i);
      IntermediateBlockHeader header = info.header();
      Hash root = header.root(params);
      Optional<OwnSegments> own = chain.ownSegments(root);
      List<LeafSegments> leafEntries = new ArrayList<>();
      byte[] leafRoots = new byte[header.childShardBlocks().roots().size() * Hash.SIZE];
      int at = 0;
      for (Hash leafRoot : header.childShardBlocks().roots()) {
        Optional<BlockHeader> leaf = chain.header(leafRoot);
        if (leaf.isEmpty()) {
          throw new MissingDependencyException(
              BlockRule.CHILD_UNKNOWN,
              "leaf block " + leafRoot + " of intermediate block " + i + " " + root);
        }
        Optional<OwnSegments> segments = chain.ownSegments(leafRoot);
        ShardIndex leafShard = leaf.get().prefix().shardIndex();
        segments.ifPresent(s -> leafEntries.add(new LeafSegments(leafShard, s)));
        segments.map(s -> s.rootWithShard(leafShard)).orElse(Hash.ZERO).copyTo(leafRoots, at);
        at += Hash.SIZE;
      }
      if (!info.ownSegments().equals(own) || !info.leafSegments().equals(leafEntries)) {
        throw new BlockRuleException(
            BlockRule.CHILD_SEGMENTS_MISMATCH,
            "intermediate block "
                + i
                + " "
                + root
                + ": expected own "
                + OwnSegmentsText.of(own)
                + " and leaf entries "
                + OwnSegmentsText.ofLeaves(leafEntries)
                + ", actual own "
                + OwnSegmentsText.of(info.ownSegments())
                + " and leaf entries "
                + OwnSegmentsText.ofLeaves(info.leafSegments()));
      }
      if (info.segmentsProof().isPresent()) {
        Hash leafSegmentsRoot =
            at == 0
                ? Hash.ZERO
                : Hash.wrap(UnbalancedMerkleTree.root(leafRoots, 0, at / Hash.SIZE));
        Hash segments = pair(own.map(OwnSegments::root).orElse(Hash.ZERO), leafSegmentsRoot);
        Hash bodyRoot = pair(segments, info.segmentsProof().get());
        if (!bodyRoot.equals(header.result().bodyRoot())) {
          throw new BlockRuleException(
              BlockRule.CHILD_SEGMENTS_PROOF_INVALID,
              "intermediate block "
                  + i
                  + " "
                  + root
                  + ": segments with proof "
                  + info.segmentsProof().get()
                  + " give body root "
                  + bodyRoot
                  + ", header has "
                  + header.result().bodyRoot());
        }
      }
    }
  }

  private static Hash pair(Hash left, Hash right) {
    return Hash.wrap(MerkleNodes.pair(left.toBytes(), right.toBytes()));
  }

  private static String describe(BlockHeader header, Hash root) {
    return "#"
        + header.prefix().number()
        + " "
        + root
        + " of shard "
        + header.prefix().shardIndex();
  }
}
