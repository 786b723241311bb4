package dev.annals.blockproducer.rules;

import static dev.annals.blockproducer.rules.ShardChainFixture.GENESIS_RANGE;
import static dev.annals.blockproducer.rules.ShardChainFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.block.BlockRuleException;
import dev.annals.consensus.block.VerifiedBlock;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.PotCheckpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Beacon blocks: consensus parameters derived from the parent, proof-of-time checkpoints in the
 * body, the unscaled range, own segments. B2 as the fixture built it passes; each test rebuilds it
 * with one input changed.
 */
class BeaconRulesTest extends BlockRulesTestBase {
  /** B2's inputs: beacon block 2 at slot 4 carrying beacon segment 0. */
  BlockSpec b2() {
    BlockSpec spec = f.beaconSpec(f.b1, 4);
    spec.ownSegments = Optional.of(f.beaconSegment0);
    return spec;
  }

  @Test
  void beaconBlocksPassJudgedByTheUnscaledRange() throws Exception {
    passes(f.b1);
    Block block = f.seal(b2());
    assertThat(block).isEqualTo(f.b2);
    VerifiedBlock verified = passes(block);
    assertThat(verified.solutionRange()).isEqualTo(new SolutionRange(GENESIS_RANGE));
    assertThat(verified.weight().low()).isEqualTo(-1L - GENESIS_RANGE);
    assertThat(solutions.contexts.getLast().blockShard()).isEqualTo(ShardIndex.BEACON);
  }

  @Test
  void consensusParametersMustBeTheDerivedOnes() {
    BlockSpec spec = b2();
    ConsensusParameters p = spec.consensusParameters;
    spec.consensusParameters =
        new ConsensusParameters(
            p.solutionRange() + 1,
            p.slotIterations(),
            p.numShards(),
            p.superSegmentRoot(),
            p.nextSolutionRange(),
            p.potParametersChange());
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.CONSENSUS_PARAMETERS_MISMATCH);
    assertThat(e.getMessage())
        .contains("expected ConsensusParameters[solutionRange=" + p.solutionRange())
        .contains("actual ConsensusParameters[solutionRange=" + (p.solutionRange() + 1));
  }

  @Test
  void superSegmentRootMustBeTheOneTheCallerDerived() throws Exception {
    Hash superSegmentRoot = Hash.blake3(new byte[] {5});
    assertThat(broken(f.b2, Optional.of(superSegmentRoot)).rule())
        .isEqualTo(BlockRule.CONSENSUS_PARAMETERS_MISMATCH);

    BlockSpec spec = b2();
    ConsensusParameters p = spec.consensusParameters;
    spec.consensusParameters =
        new ConsensusParameters(
            p.solutionRange(),
            p.slotIterations(),
            p.numShards(),
            Optional.of(superSegmentRoot),
            p.nextSolutionRange(),
            p.potParametersChange());
    Block withRoot = f.seal(spec);
    verifier.verify(withRoot, Optional.of(superSegmentRoot));
    assertThat(broken(withRoot).rule()).isEqualTo(BlockRule.CONSENSUS_PARAMETERS_MISMATCH);
  }

  @Test
  void slotMustBeAfterParentSlot() {
    assertBroken(f.seal(f.beaconSpec(f.b1, 2)), BlockRule.SLOT_NOT_AFTER_PARENT);
  }

  @Test
  void proofOfTimeMustBeTheSlotsOutput() {
    BlockSpec spec = b2();
    spec.proofOfTime = f.output(3);
    assertBroken(f.seal(spec), BlockRule.PROOF_OF_TIME_MISMATCH);
  }

  @Test
  void futureProofOfTimeMustBeTheLastCheckpoint() {
    BlockSpec spec = b2();
    spec.futureProofOfTime = f.output(5);
    assertBroken(f.seal(spec), BlockRule.FUTURE_PROOF_OF_TIME_MISMATCH);
  }

  @Test
  void everyCheckpointMustVerify() {
    BlockSpec spec = b2();
    List<PotCheckpoints> cps = new ArrayList<>(spec.checkpoints);
    byte[] first = cps.getFirst().outputs().toBytes();
    first[0] ^= 1;
    cps.set(0, new PotCheckpoints(Bytes.wrap(first)));
    spec.checkpoints = cps;
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.POT_CHECKPOINTS_INVALID);
    assertThat(e.getMessage()).contains("CHECKPOINTS_INVALID");
  }

  @Test
  void checkpointsMustCoverEverySlotSinceTheParentsFutureSlot() {
    BlockSpec spec = b2();
    spec.checkpoints = spec.checkpoints.subList(1, spec.checkpoints.size());
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.POT_CHECKPOINTS_INVALID);
    assertThat(e.getMessage()).contains("CHECKPOINT_COUNT");
  }

  @Test
  void ownSegmentsMustBeWhatTheArchiverProduced() {
    BlockSpec spec = b2();
    spec.ownSegments = Optional.empty();
    assertBroken(f.seal(spec), BlockRule.OWN_SEGMENTS_MISMATCH);
    BlockSpec extra = f.beaconSpec(f.beaconGenesis, 2);
    extra.ownSegments = Optional.of(f.beaconSegment0);
    assertBroken(f.seal(extra), BlockRule.OWN_SEGMENTS_MISMATCH);
  }

  @Test
  void membershipEntropyComesFromTheRotationSourceOnTheParentChain() throws Exception {
    // Block 3's entropy source is block 2 (dev rotation 2/1): a reveal made for the genesis
    // entropy (block 2's source) lands on another commitment index.
    BlockSpec spec = f.beaconSpec(f.b2, 6);
    ShardChainFixture.Farmer farmer = f.farmers.get(2);
    var stale = f.entropyAt(root(f.b1), new BlockNumber(2));
    var current = f.entropyAt(root(f.b2), new BlockNumber(3));
    int staleIndex = f.assignment(farmer, stale, ShardChainFixture.P.numShards()).commitmentIndex();
    int index = f.assignment(farmer, current, ShardChainFixture.P.numShards()).commitmentIndex();
    assertThat(staleIndex).isNotEqualTo(index);
    spec.solution = ShardChainFixture.solution(farmer, farmer.tree().reveal(staleIndex));
    spec.sealingKey = farmer.key();
    BlockRuleException e = broken(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.SOLUTION_SHARD_MEMBERSHIP);
    assertThat(e.getMessage()).contains("COMMITMENT_PROOF_INVALID");
    spec.solution = ShardChainFixture.solution(farmer, farmer.tree().reveal(index));
    passes(f.seal(spec));
  }
}
