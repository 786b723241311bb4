package dev.annals.blockproducer.rules;

import static dev.annals.blockproducer.rules.ShardChainFixture.LEAF;
import static dev.annals.blockproducer.rules.ShardChainFixture.NOW;
import static dev.annals.blockproducer.rules.ShardChainFixture.OTHER_LEAF;
import static dev.annals.blockproducer.rules.ShardChainFixture.P;
import static dev.annals.blockproducer.rules.ShardChainFixture.T0;
import static dev.annals.blockproducer.rules.ShardChainFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.blockproducer.BlockDraft;
import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.block.BlockRuleException;
import dev.annals.consensus.block.MissingDependencyException;
import dev.annals.consensus.block.VerifiedBlock;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.consensus.solution.SolutionContext;
import dev.annals.consensus.solution.SolutionVerifyException;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.OwnSegments;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The header rules every kind shares (SHARD-CHAINS §3), on a leaf block: L1 as the fixture built it
 * passes; each test rebuilds it with one input changed and expects exactly that rule named.
 */
class HeaderRulesTest extends BlockRulesTestBase {
  /** L1's inputs: leaf shard block 1 on the leaf genesis, slot 5, naming beacon block 1. */
  BlockSpec l1() {
    BlockSpec spec = f.childSpec(f.leafGenesis, f.b1, 5);
    spec.ownSegments = Optional.of(f.leafSegment0);
    spec.transactions = List.of(Bytes.wrap(new byte[] {1, 2, 3}));
    return spec;
  }

  @Test
  void theRebuiltLeafBlockIsL1AndPassesWithItsShardScaledRange() throws Exception {
    Block block = f.seal(l1());
    assertThat(block).isEqualTo(f.l1);
    VerifiedBlock verified = passes(block);

    SolutionRange leafRange =
        new SolutionRange(ShardChainFixture.GENESIS_RANGE).forShardKind(LEAF.kind(), P.numShards());
    assertThat(leafRange.value())
        .isEqualTo(ShardChainFixture.GENESIS_RANGE * P.numShards().leafShards());
    assertThat(verified.root()).isEqualTo(root(f.l1));
    assertThat(verified.solutionRange()).isEqualTo(leafRange);
    assertThat(verified.weight()).isEqualTo(leafRange.blockWeight());
    SolutionContext seen = solutions.contexts.getLast();
    assertThat(seen.blockShard()).isEqualTo(LEAF);
    assertThat(seen.slot()).isEqualTo(new Slot(5));
    assertThat(seen.proofOfTime()).isEqualTo(f.output(5));
    assertThat(seen.solutionRange()).isEqualTo(leafRange);
    assertThat(seen.currentHistorySize()).isEqualTo(HistorySize.ONE);
  }

  @Test
  void unknownParentIsAMissingDependencyNotAVerdict() {
    BlockSpec spec = l1();
    spec.parentRoot = Hash.blake3(new byte[] {9});
    MissingDependencyException e = missing(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.PARENT_UNKNOWN);
    assertThat(e.dependency()).contains(spec.parentRoot.toString());
  }

  @Test
  void numberMustBeParentPlusOne() {
    BlockSpec spec = l1();
    spec.number = new BlockNumber(2);
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.NUMBER_NOT_PARENT_PLUS_ONE);
    assertThat(e.getMessage()).contains("expected number 1, actual 2");
  }

  @Test
  void shardMustBeParentShard() {
    BlockSpec spec = l1();
    spec.shard = OTHER_LEAF;
    assertBroken(f.seal(spec), BlockRule.SHARD_NOT_PARENT_SHARD);
  }

  @Test
  void timestampMustBeAfterParent() {
    BlockSpec spec = l1();
    spec.timestampMillis = T0;
    assertBroken(f.seal(spec), BlockRule.TIMESTAMP_NOT_AFTER_PARENT);
  }

  @Test
  void timestampMayBeAtMostTheDriftAhead() throws Exception {
    BlockSpec spec = l1();
    spec.timestampMillis = NOW + P.maxTimestampDriftMillis();
    passes(f.seal(spec));
    spec.timestampMillis++;
    assertBroken(f.seal(spec), BlockRule.TIMESTAMP_TOO_FAR_IN_FUTURE);
  }

  @Test
  void mmrRootMustCoverTheParentChain() {
    BlockSpec spec = l1();
    // Through one block the MMR root is that block's root; the empty MMR's zero root is wrong here.
    assertThat(spec.mmrRoot).isEqualTo(root(f.leafGenesis));
    spec.mmrRoot = Hash.ZERO;
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.MMR_ROOT_MISMATCH);
    assertThat(e.getMessage()).contains("expected " + root(f.leafGenesis));
  }

  @Test
  void slotMustBeAfterParentSlot() {
    BlockSpec spec = l1();
    spec.slot = Slot.ZERO;
    assertBroken(f.seal(spec), BlockRule.SLOT_NOT_AFTER_PARENT);
  }

  @Test
  void proofOfTimeMustBeTheSlotsOutput() {
    BlockSpec spec = l1();
    spec.proofOfTime = f.output(6);
    assertBroken(f.seal(spec), BlockRule.PROOF_OF_TIME_MISMATCH);
  }

  @Test
  void futureProofOfTimeMustBeTheOutputAfterTheAuthoringDelay() {
    BlockSpec spec = l1();
    spec.futureProofOfTime = f.output(8);
    assertBroken(f.seal(spec), BlockRule.FUTURE_PROOF_OF_TIME_MISMATCH);
  }

  @Test
  void aSlotNotReachedYetHoldsTheBlockBack() {
    BlockSpec spec = l1();
    long slot = ShardChainFixture.POT_SLOTS - 1;
    spec.slot = new Slot(slot);
    spec.proofOfTime = f.output(slot);
    spec.futureProofOfTime = Bytes.zeros(16);
    MissingDependencyException e = missing(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.POT_OUTPUT_UNKNOWN);
    assertThat(e.dependency()).contains("slot " + (slot + P.blockAuthoringDelaySlots()));
  }

  @Test
  void sealKeyMustBeTheSolutionsFarmer() {
    BlockDraft draft = f.draft(l1());
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 99);
    SealingKey stranger = SealingKey.fromSecret(secret);
    Block block =
        new Block(
            draft.unsealedHeader().withSeal(stranger.seal(draft.preSealHash())), draft.body());
    assertBroken(block, BlockRule.SEAL_KEY_MISMATCH);
  }

  @Test
  void sealMustSignThePreSealHash() {
    BlockSpec spec = l1();
    BlockDraft draft = f.draft(spec);
    Block block =
        new Block(
            draft.unsealedHeader().withSeal(spec.sealingKey.seal(Hash.blake3(new byte[] {1}))),
            draft.body());
    assertBroken(block, BlockRule.SEAL_INVALID);
  }

  @Test
  void bodyRootMustBeTheBodysRoot() {
    LeafBlockBody body = (LeafBlockBody) f.l1.body();
    Block block =
        new Block(
            f.l1.header(),
            new LeafBlockBody(body.ownSegments(), List.of(Bytes.wrap(new byte[] {1, 2, 4}))));
    assertBroken(block, BlockRule.BODY_ROOT_MISMATCH);
  }

  @Test
  void stateRootMustCommitToTheTransactions() {
    BlockSpec spec = l1();
    spec.stateRoot = spec.parentStateRoot;
    assertBroken(f.seal(spec), BlockRule.STATE_ROOT_MISMATCH);
  }

  @Test
  void solutionMustComeFromAFarmerOfThisLeafShard() {
    BlockSpec spec = l1();
    f.useFarmer(spec, root(f.b1), new BlockNumber(2), false);
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.SOLUTION_SHARD_MEMBERSHIP);
    assertThat(e.getMessage()).contains("SOLUTION_SHARD_NOT_BLOCK_SHARD");
  }

  @Test
  void aSolutionTheSolutionCheckRejectsFailsTheBlock() {
    solutions.reject =
        new SolutionVerifyException(SolutionVerifyException.Check.OUT_OF_RANGE, "distance 7");
    BlockRuleException e = broken(f.l1);
    assertThat(e.rule()).isEqualTo(BlockRule.SOLUTION_INVALID);
    assertThat(e.getCause()).isSameAs(solutions.reject);
  }

  @Test
  void unknownHistorySizeOfTheNamedBeaconBlockHoldsTheBlockBack() {
    f.view.forgetHistorySize(root(f.b1));
    assertThat(missing(f.l1).rule()).isEqualTo(BlockRule.SOLUTION_INPUT_UNKNOWN);
  }

  @Test
  void ownSegmentsMustBeWhatTheArchiverProduced() {
    BlockSpec spec = l1();
    spec.ownSegments = Optional.empty();
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.OWN_SEGMENTS_MISMATCH);
    assertThat(e.getMessage())
        .contains("expected segments from local index 0")
        .contains("actual no segments");

    spec.ownSegments =
        Optional.of(new OwnSegments(new LocalSegmentIndex(1), f.leafSegment0.segmentRoots()));
    assertBroken(f.seal(spec), BlockRule.OWN_SEGMENTS_MISMATCH);
  }
}
