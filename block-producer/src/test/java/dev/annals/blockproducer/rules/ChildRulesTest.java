package dev.annals.blockproducer.rules;

import static dev.annals.blockproducer.rules.ShardChainFixture.INTERMEDIATE;
import static dev.annals.blockproducer.rules.ShardChainFixture.P;
import static dev.annals.blockproducer.rules.ShardChainFixture.leafInfo;
import static dev.annals.blockproducer.rules.ShardChainFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.block.BlockRuleException;
import dev.annals.consensus.block.ChildBlockInfos;
import dev.annals.consensus.block.MissingDependencyException;
import dev.annals.consensus.block.VerifiedBlock;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.ProvenSegments;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Child blocks (SHARD-CHAINS §5): leaf blocks in intermediate block I1, intermediate blocks in a
 * beacon block B3 on B2. The valid ones pass; each test changes one thing.
 */
class ChildRulesTest extends BlockRulesTestBase {
  /** I1's inputs: intermediate block 1 at slot 8 naming B2, including L1 and L2. */
  BlockSpec i1() {
    BlockSpec spec = f.childSpec(f.intermediateGenesis, f.b2, 8);
    spec.ownSegments = Optional.of(f.intermediateSegment0);
    spec.leafBlocks = List.of(leafInfo(f.l1), leafInfo(f.l2));
    return spec;
  }

  /** B3's inputs: beacon block 3 at slot 9 on B2, including I1. */
  BlockSpec b3() {
    BlockSpec spec = f.beaconSpec(f.b2, 9);
    spec.intermediateBlocks = List.of(f.intermediateInfo(f.i1));
    return spec;
  }

  /** A leaf block of {@code shard} on {@code parent} at {@code slot} naming B1. */
  Block leaf(Block parent, long slot, byte tx) {
    BlockSpec spec = f.childSpec(parent, f.b1, slot);
    spec.transactions = List.of(Bytes.wrap(new byte[] {tx}));
    if (parent == f.leafGenesis) {
      spec.ownSegments = Optional.of(f.leafSegment0);
    }
    return f.seal(spec);
  }

  @Test
  void intermediateAndBeaconBlocksWithChildrenPass() throws Exception {
    Block i1 = f.seal(i1());
    assertThat(i1).isEqualTo(f.i1);
    VerifiedBlock verified = passes(i1);
    assertThat(verified.solutionRange())
        .isEqualTo(
            new SolutionRange(
                ShardChainFixture.GENESIS_RANGE * P.numShards().intermediateShards()));
    passes(f.seal(b3()));
  }

  @Test
  void headerChildRootsMustBeTheBodysChildrenInOrder() {
    IntermediateBlockHeader header = (IntermediateBlockHeader) f.i1.header();
    IntermediateBlockHeader swapped =
        ShardChainFixture.withChildren(
            header, new ChildBlockRoots(header.childShardBlocks().roots().reversed()));
    Block block = ShardChainFixture.resealed(swapped, f.i1.body(), i1().sealingKey);
    assertBroken(block, BlockRule.CHILD_ROOTS_MISMATCH);
  }

  @Test
  void childrenMustBeOfAChildShard() {
    BlockSpec stranger = f.childSpec(f.leafGenesis, f.b1, 5);
    stranger.shard = ShardIndex.leaf(ShardIndex.intermediate(2), 1);
    BlockSpec spec = i1();
    spec.leafBlocks = List.of(new LeafBlockInfo(leafHeader(f.seal(stranger)), Optional.empty()));
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.CHILD_NOT_OF_THIS_SHARD);
    assertThat(e.getMessage()).contains("not a child of shard " + INTERMEDIATE);
  }

  @Test
  void childrenAreOrderedByShard() throws Exception {
    BlockSpec otherSpec = f.childSpec(f.otherLeafGenesis, f.b1, 5);
    Block other = f.add(f.seal(otherSpec));
    BlockSpec spec = i1();
    spec.leafBlocks = List.of(leafInfo(f.l1), leafInfo(f.l2), leafInfo(other));
    passes(f.seal(spec));
    spec.leafBlocks = List.of(leafInfo(other), leafInfo(f.l1), leafInfo(f.l2));
    assertBroken(f.seal(spec), BlockRule.CHILD_ORDER);
  }

  @Test
  void anUnknownChildHoldsTheBlockBack() {
    Block unknown = leaf(f.leafGenesis, 6, (byte) 9);
    BlockSpec spec = i1();
    spec.leafBlocks = List.of(leafInfo(unknown));
    MissingDependencyException e = missing(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.CHILD_UNKNOWN);
    assertThat(e.dependency()).contains(root(unknown).toString());
  }

  @Test
  void childrenMayNotSkipBlocks() {
    BlockSpec spec = i1();
    spec.leafBlocks = List.of(leafInfo(f.l2));
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.CHILD_GAP_OR_REPEAT);
    assertThat(e.getMessage()).contains("last included " + root(f.leafGenesis));
  }

  @Test
  void childrenOfOneShardMustChainInsideTheBody() throws Exception {
    Block sibling = f.add(leaf(f.leafGenesis, 6, (byte) 9));
    BlockSpec spec = i1();
    spec.leafBlocks = List.of(leafInfo(f.l1), leafInfo(sibling));
    assertBroken(f.seal(spec), BlockRule.CHILD_GAP_OR_REPEAT);
  }

  @Test
  void aChildIsNeverIncludedTwiceButMayBeReplacedByAFork() throws Exception {
    f.add(f.i1);
    BlockSpec again = f.childSpec(f.i1, f.b2, 9);
    again.leafBlocks = List.of(leafInfo(f.l1));
    BlockRuleException e = broken(f.seal(again));
    assertThat(e.rule()).isEqualTo(BlockRule.CHILD_GAP_OR_REPEAT);
    assertThat(e.getMessage()).contains("already included");

    // A sibling of L1 forks leaf shard 1 off its genesis: a child re-org, accepted.
    Block sibling = f.add(leaf(f.leafGenesis, 6, (byte) 9));
    BlockSpec reorg = f.childSpec(f.i1, f.b2, 9);
    reorg.leafBlocks = List.of(leafInfo(sibling));
    passes(f.seal(reorg));
  }

  @Test
  void leafSegmentsMustBeTheLeafsOwn() {
    BlockSpec spec = i1();
    spec.leafBlocks =
        List.of(new LeafBlockInfo(leafHeader(f.l1), Optional.empty()), leafInfo(f.l2));
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.CHILD_SEGMENTS_MISMATCH);
    assertThat(e.getMessage()).contains("actual no segments");
  }

  @Test
  void leafSegmentsMustProveAgainstTheLeafsBodyRoot() {
    BlockSpec spec = i1();
    spec.leafBlocks =
        List.of(
            new LeafBlockInfo(
                leafHeader(f.l1),
                Optional.of(new ProvenSegments(f.leafSegment0, Hash.blake3(new byte[] {1})))),
            leafInfo(f.l2));
    assertBroken(f.seal(spec), BlockRule.CHILD_SEGMENTS_PROOF_INVALID);
  }

  @Test
  void intermediateSegmentsInABeaconBodyMustBeTheIntermediatesAndItsLeaves() throws Exception {
    f.add(f.i1);
    IntermediateBlockInfo info = f.intermediateInfo(f.i1);
    assertThat(info.leafSegments()).hasSize(1);
    BlockSpec spec = b3();
    spec.intermediateBlocks =
        List.of(
            new IntermediateBlockInfo(
                info.header(), info.segmentsProof(), info.ownSegments(), List.of()));
    assertBroken(f.seal(spec), BlockRule.CHILD_SEGMENTS_MISMATCH);
  }

  @Test
  void intermediateSegmentsMustProveAgainstItsBodyRoot() throws Exception {
    f.add(f.i1);
    IntermediateBlockInfo info = f.intermediateInfo(f.i1);
    BlockSpec spec = b3();
    spec.intermediateBlocks =
        List.of(
            new IntermediateBlockInfo(
                info.header(),
                Optional.of(Hash.blake3(new byte[] {2})),
                info.ownSegments(),
                info.leafSegments()));
    assertBroken(f.seal(spec), BlockRule.CHILD_SEGMENTS_PROOF_INVALID);
  }

  @Test
  void anIntermediateBlockNeedsAFarmerUnderItsShard() {
    BlockSpec spec = i1();
    f.useFarmer(spec, root(f.b2), new BlockNumber(3), false);
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.SOLUTION_SHARD_MEMBERSHIP);
    assertThat(e.getMessage()).contains("SOLUTION_SHARD_NOT_UNDER_BLOCK_SHARD");
  }

  @Test
  void aBeaconBlockMayNotSkipIntermediateBlocks() throws Exception {
    f.add(f.i1);
    BlockSpec i2Spec = f.childSpec(f.i1, f.b2, 9);
    Block i2 = f.add(f.seal(i2Spec));
    BlockSpec spec = b3();
    spec.intermediateBlocks = List.of(f.intermediateInfo(i2));
    assertBroken(f.seal(spec), BlockRule.CHILD_GAP_OR_REPEAT);
    spec.intermediateBlocks = List.of(f.intermediateInfo(f.i1), f.intermediateInfo(i2));
    passes(f.seal(spec));
  }

  @Test
  void theProducersChildInfosAreTheOnesTheRulesAccept() {
    assertThat(ChildBlockInfos.leaf(leafHeader(f.l1), (LeafBlockBody) f.l1.body()))
        .isEqualTo(leafInfo(f.l1));
    assertThat(
            ChildBlockInfos.intermediate(
                (IntermediateBlockHeader) f.i1.header(), (IntermediateBlockBody) f.i1.body(), P))
        .isEqualTo(f.intermediateInfo(f.i1));
  }

  private static LeafBlockHeader leafHeader(Block block) {
    return (LeafBlockHeader) block.header();
  }
}
