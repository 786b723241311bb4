package dev.annals.consensus.block;

import dev.annals.consensus.pot.BlockPotVerifier;
import dev.annals.consensus.pot.PotVerificationException;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardRotation;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.Optional;

/**
 * What a block is judged against on the beacon chain, and the rules that establish it: a beacon
 * block's own consensus parameters (derived from its parent) and proof-of-time checkpoints; for an
 * intermediate or leaf block, the beacon block its header names and the proof-of-time outputs the
 * node knows. Both yield the {@link SolutionTerms} its solution is checked with.
 */
final class BeaconContext {
  private final ProtocolParameters params;
  private final ChainView chain;
  private final BlockPotVerifier pot;

  BeaconContext(ProtocolParameters params, ChainView chain, BlockPotVerifier pot) {
    this.params = params;
    this.chain = chain;
    this.pot = pot;
  }

  /** Beacon blocks: consensus parameters (rule 13) and proof of time (rule 14). */
  SolutionTerms forBeaconBlock(
      BeaconBlockHeader header,
      BeaconBlockHeader parent,
      BeaconBlockBody body,
      Optional<Hash> superSegmentRoot)
      throws BlockVerificationException {
    Hash parentRoot = header.prefix().parentRoot();
    ConsensusParameters expected =
        BeaconConsensusParameters.derive(
            params,
            parent,
            header.prefix().number(),
            header.consensusInfo().slot(),
            superSegmentRoot,
            number -> chain.ancestor(parentRoot, number));
    if (!expected.equals(header.consensusParameters())) {
      throw new BlockRuleException(
          BlockRule.CONSENSUS_PARAMETERS_MISMATCH,
          "expected " + expected + ", actual " + header.consensusParameters());
    }
    ConsensusParameters parentParams = parent.consensusParameters();
    ConsensusInfo parentInfo = parent.consensusInfo();
    ConsensusInfo info = header.consensusInfo();
    try {
      pot.verify(
          new BlockPotVerifier.Parent(
              parentInfo.slot(),
              parentInfo.proofOfTime(),
              parentInfo.futureProofOfTime(),
              parentParams.slotIterations(),
              parentParams.potParametersChange().orElse(null)),
          new BlockPotVerifier.Block(
              info.slot(), info.proofOfTime(), info.futureProofOfTime(), body.potCheckpoints()));
    } catch (PotVerificationException e) {
      BlockRule rule =
          switch (e.check()) {
            case FUTURE_PROOF_OF_TIME_MISMATCH -> BlockRule.FUTURE_PROOF_OF_TIME_MISMATCH;
            case PROOF_OF_TIME_MISMATCH -> BlockRule.PROOF_OF_TIME_MISMATCH;
            case SLOT_BEFORE_PARENT -> BlockRule.SLOT_NOT_AFTER_PARENT;
            case CHECKPOINT_COUNT, CHECKPOINTS_INVALID -> BlockRule.POT_CHECKPOINTS_INVALID;
          };
      throw new BlockRuleException(rule, e.getMessage(), e);
    }
    ConsensusParameters own = header.consensusParameters();
    BlockNumber source = ShardRotation.entropySourceBlock(header.prefix().number(), params);
    return new SolutionTerms(
        new SolutionRange(own.solutionRange()),
        own.numShards(),
        entropyFrom(parentRoot, source),
        parentRoot);
  }

  /** Intermediate and leaf blocks: the beacon block they name (15–18), their proof of time (19). */
  SolutionTerms forShardBlock(BlockHeader header, BeaconChainInfo info, BlockHeader parent)
      throws BlockVerificationException {
    BeaconChainInfo parentInfo =
        switch (parent) {
          case IntermediateBlockHeader p -> p.beaconChainInfo();
          case LeafBlockHeader p -> p.beaconChainInfo();
          case BeaconBlockHeader p -> throw new IllegalStateException("same shard, same kind");
        };
    if (info.number().compareTo(parentInfo.number()) < 0) {
      throw new BlockRuleException(
          BlockRule.BEACON_INFO_WENT_BACKWARDS,
          "names beacon block #" + info.number() + ", the parent named #" + parentInfo.number());
    }
    Optional<BlockHeader> named = chain.header(info.root());
    if (named.isEmpty()) {
      throw new MissingDependencyException(
          BlockRule.BEACON_INFO_UNKNOWN, "beacon block #" + info.number() + " " + info.root());
    }
    if (!(named.get() instanceof BeaconBlockHeader beacon)
        || !beacon.prefix().number().equals(info.number())) {
      throw new BlockRuleException(
          BlockRule.BEACON_INFO_NUMBER_MISMATCH,
          "block "
              + info.root()
              + " is #"
              + named.get().prefix().number()
              + " of shard "
              + named.get().prefix().shardIndex()
              + ", expected beacon block #"
              + info.number());
    }
    Slot slot = header.consensusInfo().slot();
    if (beacon.consensusInfo().slot().compareTo(slot) > 0) {
      throw new BlockRuleException(
          BlockRule.BEACON_INFO_AFTER_SLOT,
          "beacon block #"
              + info.number()
              + " is at slot "
              + beacon.consensusInfo().slot()
              + ", after this block's slot "
              + slot);
    }
    checkKnownPot(BlockRule.PROOF_OF_TIME_MISMATCH, slot, header.consensusInfo().proofOfTime());
    checkKnownPot(
        BlockRule.FUTURE_PROOF_OF_TIME_MISMATCH,
        new Slot(slot.value() + params.blockAuthoringDelaySlots()),
        header.consensusInfo().futureProofOfTime());
    ConsensusParameters beaconParams = beacon.consensusParameters();
    // The producer judged its membership as of the next beacon block after the one it names.
    BlockNumber source =
        ShardRotation.entropySourceBlock(new BlockNumber(info.number().value() + 1), params);
    return new SolutionTerms(
        SolutionRanges.after(beaconParams).child(),
        beaconParams.numShards(),
        entropyFrom(info.root(), source),
        info.root());
  }

  private void checkKnownPot(BlockRule rule, Slot slot, Bytes actual)
      throws BlockVerificationException {
    Optional<Bytes> known = chain.potOutput(slot);
    if (known.isEmpty()) {
      throw new MissingDependencyException(
          BlockRule.POT_OUTPUT_UNKNOWN, "proof-of-time output of slot " + slot);
    }
    if (!known.get().equals(actual)) {
      throw new BlockRuleException(
          rule,
          "slot " + slot + " output is " + known.get().toHex() + ", header has " + actual.toHex());
    }
  }

  private MembershipEntropy entropyFrom(Hash beaconRoot, BlockNumber source)
      throws MissingDependencyException {
    BlockHeader header =
        chain
            .ancestor(beaconRoot, source)
            .orElseThrow(
                () ->
                    new MissingDependencyException(
                        BlockRule.ANCESTOR_UNKNOWN,
                        "beacon block #" + source + " (shard membership entropy source)"));
    return MembershipEntropy.fromPotOutput(header.consensusInfo().proofOfTime());
  }
}
