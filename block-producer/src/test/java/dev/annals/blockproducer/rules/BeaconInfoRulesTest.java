package dev.annals.blockproducer.rules;

import static dev.annals.blockproducer.rules.ShardChainFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.block.MissingDependencyException;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.LeafBlockBody;
import org.junit.jupiter.api.Test;

/** Beacon chain info of leaf and intermediate headers (SHARD-CHAINS §4), on leaf block L2. */
class BeaconInfoRulesTest extends BlockRulesTestBase {
  /** L2's inputs: leaf block 2 on L1 at slot 7, naming beacon block 2. */
  BlockSpec l2() {
    return f.childSpec(f.l1, f.b2, 7);
  }

  @Test
  void l2Passes() throws Exception {
    Block block = f.seal(l2());
    assertThat(block).isEqualTo(f.l2);
    passes(block);
  }

  @Test
  void anUnknownBeaconBlockHoldsTheBlockBack() {
    BlockSpec spec = l2();
    spec.beaconChainInfo = new BeaconChainInfo(new BlockNumber(2), Hash.blake3(new byte[] {3}));
    MissingDependencyException e = missing(f.seal(spec));
    assertThat(e.rule()).isEqualTo(BlockRule.BEACON_INFO_UNKNOWN);
  }

  @Test
  void theNamedBlockMustBeTheBeaconBlockOfThatNumber() {
    BlockSpec spec = l2();
    spec.beaconChainInfo = new BeaconChainInfo(new BlockNumber(2), root(f.b1));
    assertBroken(f.seal(spec), BlockRule.BEACON_INFO_NUMBER_MISMATCH);
    spec.beaconChainInfo = new BeaconChainInfo(new BlockNumber(1), root(f.l1));
    assertBroken(f.seal(spec), BlockRule.BEACON_INFO_NUMBER_MISMATCH);
  }

  @Test
  void theNamedBeaconBlockNeverGoesBackAlongTheShardChain() throws Exception {
    // L1 named beacon block 1; naming it again is fine, naming genesis is not.
    passes(f.seal(f.childSpec(f.l1, f.b1, 7)));
    assertBroken(
        f.seal(f.childSpec(f.l1, f.beaconGenesis, 7)), BlockRule.BEACON_INFO_WENT_BACKWARDS);
  }

  @Test
  void theNamedBeaconBlockMayNotBeAfterTheBlocksSlot() {
    // B2 is at slot 4; a block at slot 3 cannot have seen it.
    BlockSpec spec = f.childSpec(f.leafGenesis, f.b2, 3);
    spec.ownSegments = ((LeafBlockBody) f.l1.body()).ownSegments();
    assertBroken(f.seal(spec), BlockRule.BEACON_INFO_AFTER_SLOT);
  }

  @Test
  void theSolutionIsJudgedByTheNamedBeaconBlocksShardsAndEntropy() {
    // A farmer that fits leaf shard 1 under the entropy of beacon block 1's rotation but not under
    // beacon block 2's, so the named block decides.
    BlockSpec spec = l2();
    var current = f.entropyAt(root(f.b2), new BlockNumber(3));
    var earlier = f.entropyAt(root(f.b1), new BlockNumber(2));
    ShardChainFixture.Farmer farmer = null;
    for (ShardChainFixture.Farmer candidate : f.farmers) {
      var p = ShardChainFixture.P.numShards();
      if (f.assignment(candidate, earlier, p).leafShard().equals(ShardChainFixture.LEAF)
          && !f.assignment(candidate, current, p).leafShard().equals(ShardChainFixture.LEAF)) {
        farmer = candidate;
        break;
      }
    }
    assertThat(farmer).isNotNull();
    spec.solution =
        ShardChainFixture.solution(
            farmer,
            farmer
                .tree()
                .reveal(
                    f.assignment(farmer, earlier, ShardChainFixture.P.numShards())
                        .commitmentIndex()));
    spec.sealingKey = farmer.key();
    assertBroken(f.seal(spec), BlockRule.SOLUTION_SHARD_MEMBERSHIP);
  }
}
