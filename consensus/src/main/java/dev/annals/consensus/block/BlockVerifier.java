package dev.annals.consensus.block;

import dev.annals.consensus.pot.BlockPotVerifier;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.seal.SealVerifier;
import dev.annals.consensus.shard.ShardMembershipException;
import dev.annals.consensus.shard.ShardMembershipVerifier;
import dev.annals.consensus.solution.SolutionCheck;
import dev.annals.consensus.solution.SolutionContext;
import dev.annals.consensus.solution.SolutionVerifyException;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.U64;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The consensus rules for importing a block of any shard kind (docs/block-rules.md). One call
 * checks one block against its parent and what the {@link ChainView} knows, in a fixed order, and
 * fails at the first rule broken ({@link BlockRuleException}) or the first rule that cannot be
 * checked yet ({@link MissingDependencyException}).
 */
public final class BlockVerifier {
  private final ProtocolParameters params;
  private final ChainView chain;
  private final BlockPotVerifier pot;
  private final SolutionCheck solutions;
  private final LongSupplier nowMillis;
  private final ShardMembershipVerifier membership;
  private final ChildBlockRules children;
  private final BeaconContext beaconContext;

  /**
   * @param pot checks beacon blocks' proof-of-time checkpoints
   * @param solutions the solution verification past the shard membership reveal
   * @param nowMillis the local wall clock (Unix milliseconds), for the timestamp drift rule
   */
  public BlockVerifier(
      ProtocolParameters params,
      ChainView chain,
      BlockPotVerifier pot,
      SolutionCheck solutions,
      LongSupplier nowMillis) {
    if (params == null || chain == null || pot == null || solutions == null || nowMillis == null) {
      throw new IllegalArgumentException("block verifier: every argument must be set (value null)");
    }
    this.params = params;
    this.chain = chain;
    this.pot = pot;
    this.solutions = solutions;
    this.nowMillis = nowMillis;
    this.membership = new ShardMembershipVerifier(params);
    this.children = new ChildBlockRules(params, chain);
    this.beaconContext = new BeaconContext(params, chain, pot);
  }

  /** Verifies an intermediate or leaf block. */
  public VerifiedBlock verify(Block block) throws BlockVerificationException {
    return verify(block, Optional.empty());
  }

  /**
   * Verifies a block.
   *
   * @param expectedSuperSegmentRoot beacon blocks only: the super segment root the caller derived
   *     for this block (empty when no super segment is due); must be empty for other kinds
   */
  public VerifiedBlock verify(Block block, Optional<Hash> expectedSuperSegmentRoot)
      throws BlockVerificationException {
    BlockHeader header = block.header();
    if (header.kind() != ShardKind.BEACON && expectedSuperSegmentRoot.isPresent()) {
      throw new IllegalArgumentException(
          "expected super segment root: only beacon blocks carry one (value "
              + expectedSuperSegmentRoot.get()
              + ")");
    }
    Hash parentRoot = header.prefix().parentRoot();
    BlockHeader parent =
        chain
            .header(parentRoot)
            .orElseThrow(
                () ->
                    new MissingDependencyException(
                        BlockRule.PARENT_UNKNOWN, "parent block " + parentRoot));
    checkPrefix(header.prefix(), parent.prefix(), parentRoot);
    checkSlot(header.consensusInfo(), parent.consensusInfo());
    checkSeal(header);
    checkResult(block, parent);
    SolutionTerms terms =
        switch (header) {
          case BeaconBlockHeader beacon ->
              beaconContext.forBeaconBlock(
                  beacon,
                  (BeaconBlockHeader) parent,
                  (BeaconBlockBody) block.body(),
                  expectedSuperSegmentRoot);
          case IntermediateBlockHeader h ->
              beaconContext.forShardBlock(h, h.beaconChainInfo(), parent);
          case LeafBlockHeader h -> beaconContext.forShardBlock(h, h.beaconChainInfo(), parent);
        };
    SolutionRange range = checkSolution(header, terms);
    switch (block.body()) {
      case BeaconBlockBody body -> {
        var blocks = body.intermediateBlocks().stream().map(IntermediateBlockInfo::header).toList();
        children.checkChain(header.prefix().shardIndex(), parentRoot, blocks);
        children.checkIntermediateSegments(body.intermediateBlocks());
      }
      case IntermediateBlockBody body -> {
        var blocks = body.leafBlocks().stream().map(LeafBlockInfo::header).toList();
        children.checkChain(header.prefix().shardIndex(), parentRoot, blocks);
        children.checkLeafSegments(body.leafBlocks());
      }
      case LeafBlockBody body -> {}
    }
    checkOwnSegments(header.prefix().shardIndex(), parentRoot, ownSegments(block.body()));
    return new VerifiedBlock(header.root(params), range, range.blockWeight());
  }

  private void checkPrefix(BlockHeaderPrefix prefix, BlockHeaderPrefix parent, Hash parentRoot)
      throws BlockVerificationException {
    long parentNumber = parent.number().value();
    if (parentNumber == -1L || prefix.number().value() != parentNumber + 1) {
      throw new BlockRuleException(
          BlockRule.NUMBER_NOT_PARENT_PLUS_ONE,
          "expected number " + U64.toString(parentNumber + 1) + ", actual " + prefix.number());
    }
    if (!prefix.shardIndex().equals(parent.shardIndex())) {
      throw new BlockRuleException(
          BlockRule.SHARD_NOT_PARENT_SHARD,
          "expected shard " + parent.shardIndex() + ", actual " + prefix.shardIndex());
    }
    if (Long.compareUnsigned(prefix.timestampMillis(), parent.timestampMillis()) <= 0) {
      throw new BlockRuleException(
          BlockRule.TIMESTAMP_NOT_AFTER_PARENT,
          "timestamp "
              + U64.toString(prefix.timestampMillis())
              + " ms is not after the parent's "
              + U64.toString(parent.timestampMillis()));
    }
    Hash mmr =
        chain
            .mmrRootThrough(parentRoot)
            .orElseThrow(
                () ->
                    new MissingDependencyException(
                        BlockRule.PARENT_UNKNOWN, "MMR root through parent block " + parentRoot));
    if (!prefix.mmrRoot().equals(mmr)) {
      throw new BlockRuleException(
          BlockRule.MMR_ROOT_MISMATCH, "expected " + mmr + ", actual " + prefix.mmrRoot());
    }
    long now = nowMillis.getAsLong();
    long latest = now + params.maxTimestampDriftMillis();
    if (Long.compareUnsigned(latest, now) < 0) {
      latest = -1L;
    }
    if (Long.compareUnsigned(prefix.timestampMillis(), latest) > 0) {
      throw new BlockRuleException(
          BlockRule.TIMESTAMP_TOO_FAR_IN_FUTURE,
          "timestamp "
              + U64.toString(prefix.timestampMillis())
              + " ms is after now "
              + U64.toString(now)
              + " + drift "
              + params.maxTimestampDriftMillis());
    }
  }

  private static void checkSlot(ConsensusInfo info, ConsensusInfo parent)
      throws BlockRuleException {
    if (info.slot().compareTo(parent.slot()) <= 0) {
      throw new BlockRuleException(
          BlockRule.SLOT_NOT_AFTER_PARENT,
          "slot " + info.slot() + " is not after the parent's slot " + parent.slot());
    }
  }

  private void checkSeal(BlockHeader header) throws BlockRuleException {
    Hash expected = header.consensusInfo().solution().publicKeyHash();
    Hash actual = header.seal().publicKeyHash();
    if (!expected.equals(actual)) {
      throw new BlockRuleException(
          BlockRule.SEAL_KEY_MISMATCH,
          "H(seal public key) is " + actual + ", the solution's public key hash is " + expected);
    }
    Hash preSeal = header.preSealHash(params);
    if (!SealVerifier.verify(header.seal(), preSeal)) {
      throw new BlockRuleException(
          BlockRule.SEAL_INVALID,
          "signature " + header.seal().signature().toHex() + " does not sign " + preSeal);
    }
  }

  private void checkResult(Block block, BlockHeader parent) throws BlockRuleException {
    BlockHeader header = block.header();
    Hash bodyRoot = block.body().root(params);
    if (!bodyRoot.equals(header.result().bodyRoot())) {
      throw new BlockRuleException(
          BlockRule.BODY_ROOT_MISMATCH,
          "expected " + bodyRoot + ", actual " + header.result().bodyRoot());
    }
    Hash stateRoot = StateRoots.after(parent.result().stateRoot(), block.body());
    if (!stateRoot.equals(header.result().stateRoot())) {
      throw new BlockRuleException(
          BlockRule.STATE_ROOT_MISMATCH,
          "expected " + stateRoot + ", actual " + header.result().stateRoot());
    }
    switch (header) {
      case BeaconBlockHeader h ->
          children.checkRoots(
              h.childShardBlocks(),
              ((BeaconBlockBody) block.body())
                  .intermediateBlocks().stream().map(IntermediateBlockInfo::header).toList());
      case IntermediateBlockHeader h ->
          children.checkRoots(
              h.childShardBlocks(),
              ((IntermediateBlockBody) block.body())
                  .leafBlocks().stream().map(LeafBlockInfo::header).toList());
      case LeafBlockHeader h -> {}
    }
  }

  private SolutionRange checkSolution(BlockHeader header, SolutionTerms terms)
      throws BlockVerificationException {
    ShardIndex shard = header.prefix().shardIndex();
    ConsensusInfo info = header.consensusInfo();
    try {
      membership.verify(info.solution(), shard, terms.entropy(), terms.numShards());
    } catch (ShardMembershipException e) {
      throw new BlockRuleException(BlockRule.SOLUTION_SHARD_MEMBERSHIP, e.getMessage(), e);
    }
    SolutionRange range = terms.globalRange().forShardKind(shard.kind(), terms.numShards());
    HistorySize history =
        chain
            .historySizeAt(terms.historyBeaconRoot())
            .orElseThrow(
                () ->
                    new MissingDependencyException(
                        BlockRule.SOLUTION_INPUT_UNKNOWN,
                        "history size as of beacon block " + terms.historyBeaconRoot()));
    try {
      solutions.verify(
          info.solution(),
          new SolutionContext(shard, info.slot(), info.proofOfTime(), range, history, chain));
    } catch (SolutionVerifyException e) {
      throw new BlockRuleException(BlockRule.SOLUTION_INVALID, e.getMessage(), e);
    }
    return range;
  }

  private static Optional<OwnSegments> ownSegments(BlockBody body) {
    return switch (body) {
      case BeaconBlockBody b -> b.ownSegments();
      case IntermediateBlockBody b -> b.ownSegments();
      case LeafBlockBody b -> b.ownSegments();
    };
  }

  private void checkOwnSegments(ShardIndex shard, Hash parentRoot, Optional<OwnSegments> actual)
      throws BlockRuleException {
    Optional<OwnSegments> expected = chain.expectedOwnSegments(shard, parentRoot);
    if (!expected.equals(actual)) {
      throw new BlockRuleException(
          BlockRule.OWN_SEGMENTS_MISMATCH,
          "expected " + OwnSegmentsText.of(expected) + ", actual " + OwnSegmentsText.of(actual));
    }
  }
}
