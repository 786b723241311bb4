package dev.annals.blockproducer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.block.BlockRuleException;
import dev.annals.consensus.block.BlockVerificationException;
import dev.annals.consensus.block.BlockVerifier;
import dev.annals.consensus.block.MissingDependencyException;
import dev.annals.consensus.block.VerifiedBlock;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.Block;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** A fresh valid network per test, a verifier over it, and assertions on the outcome. */
abstract class BlockRulesTestBase {
  ShardChainFixture f;
  RecordingSolutionCheck solutions;
  BlockVerifier verifier;

  @BeforeEach
  void setUp() {
    f = new ShardChainFixture();
    solutions = new RecordingSolutionCheck();
    verifier =
        new BlockVerifier(
            ShardChainFixture.P, f.view, f.potVerifier, solutions, () -> ShardChainFixture.NOW);
  }

  VerifiedBlock passes(Block block) throws Exception {
    return verifier.verify(block, Optional.empty());
  }

  BlockRuleException broken(Block block) {
    return broken(block, Optional.empty());
  }

  /** The rule the block breaks; fails the test if it passes or is merely not verifiable yet. */
  BlockRuleException broken(Block block, Optional<Hash> superSegmentRoot) {
    try {
      verifier.verify(block, superSegmentRoot);
    } catch (BlockVerificationException e) {
      if (e instanceof BlockRuleException invalid) {
        return invalid;
      }
      throw new AssertionError("expected an invalid block, got " + e.getMessage(), e);
    }
    throw new AssertionError("block passed");
  }

  void assertBroken(Block block, BlockRule rule) {
    BlockRuleException e = broken(block);
    assertThat(e.rule()).as(e.getMessage()).isEqualTo(rule);
  }

  /** The rule that cannot be checked yet; fails the test on a verdict either way. */
  MissingDependencyException missing(Block block) {
    try {
      verifier.verify(block, Optional.empty());
    } catch (BlockVerificationException e) {
      if (e instanceof MissingDependencyException missing) {
        return missing;
      }
      throw new AssertionError("expected a missing dependency, got " + e.getMessage(), e);
    }
    throw new AssertionError("block passed");
  }
}
