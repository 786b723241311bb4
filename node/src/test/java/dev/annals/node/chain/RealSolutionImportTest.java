package dev.annals.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.blockproducer.BlockDraft;
import dev.annals.blockproducer.SlotClaim;
import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.solution.SolutionVerifier;
import dev.annals.consensus.solution.SolutionVerifyException;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.chain.ImportResult.Status;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.Solution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leaf, intermediate and beacon blocks won by real proofs of space of a dev farm at history size 1
 * (the beacon genesis segment, super segment 0, which the node knows before beacon block 1 lands
 * it), imported with the real {@link SolutionVerifier}.
 */
class RealSolutionImportTest {
  @TempDir Path dir;

  @Test
  void blocksOfEveryKindSealedByRealSolutionsImport() {
    TestNetwork network = new TestNetwork(dir);
    ProtocolParameters params = TestNetwork.SPEC.parameters();
    ShardIndex leaf = TestNetwork.leaves().getFirst();
    GenesisBlocks genesis = new GenesisBlocks(TestNetwork.SPEC);
    // Blocks named at the beacon genesis (and beacon block 1) rotate by its proof of time.
    MembershipEntropy entropy =
        MembershipEntropy.fromPotOutput(genesis.beacon().header().consensusInfo().proofOfTime());
    DevFarm farm = new DevFarm(genesis, leaf, entropy, 4);
    long beaconRange =
        ((BeaconBlockHeader) genesis.beacon().header()).consensusParameters().solutionRange();

    try (ImportTestNode node =
        new ImportTestNode(
            TestNetwork.SPEC,
            dir.resolve("a"),
            network.pot,
            network.farmers,
            new SolutionVerifier(params))) {
      assertThat(node.chain.genesisSuperSegment()).isEqualTo(farm.genesisSuperSegment.header());
      List<ShardIndex> order = List.of(leaf, leaf.parent(), ShardIndex.BEACON);
      List<Block> imported = new ArrayList<>();
      boolean checkedBroken = false;
      for (long s = 1; s <= 400 && imported.size() < order.size(); s++) {
        ShardIndex shard = order.get(imported.size());
        node.clockAt(s);
        Slot slot = new Slot(s);
        Bytes pot = node.chain.pot().output(slot).orElseThrow();
        long range =
            new SolutionRange(beaconRange).forShardKind(shard.kind(), params.numShards()).value();
        Optional<Solution> solution = farm.solve(slot, pot, range);
        if (solution.isEmpty()) {
          continue;
        }
        SlotClaim claim =
            new SlotClaim(
                slot,
                pot,
                node.chain
                    .pot()
                    .output(new Slot(s + params.blockAuthoringDelaySlots()))
                    .orElseThrow(),
                shard,
                solution.get());
        BlockDraft draft = node.draft(claim);
        Block block = draft.seal(farm.key.seal(draft.preSealHash()));
        if (!checkedBroken) {
          // The same block with one hash of the chunk proof changed, sealed again.
          Solution real = solution.get();
          List<Hash> chunkProof = new ArrayList<>(real.chunkProof());
          chunkProof.set(0, Hash.blake3(new byte[] {1}));
          Solution broken =
              new Solution(
                  real.publicKeyHash(),
                  real.shardCommitment(),
                  real.pieceLocalSegmentIndex(),
                  real.pieceSuperSegmentIndex(),
                  real.segmentRoot(),
                  real.segmentProof(),
                  real.recordRoot(),
                  real.recordProof(),
                  real.chunk(),
                  chunkProof,
                  real.proofOfSpace(),
                  real.historySize(),
                  real.sectorIndex(),
                  real.pieceOffset(),
                  real.segmentPosition(),
                  real.pieceShardIndex());
          BlockDraft brokenDraft =
              node.draft(new SlotClaim(slot, pot, claim.futureProofOfTime(), shard, broken));
          ImportResult rejected =
              node.importBlock(brokenDraft.seal(farm.key.seal(brokenDraft.preSealHash())));
          assertThat(rejected.status()).as(rejected.toString()).isEqualTo(Status.REJECTED);
          assertThat(rejected.rule()).contains(BlockRule.SOLUTION_INVALID);
          assertThat(rejected.detail())
              .contains(SolutionVerifyException.Check.CHUNK_PROOF_INVALID.name());
          checkedBroken = true;
        }
        TestNetwork.assertImportedBest(node.importBlock(block));
        imported.add(block);
      }
      assertThat(imported).as("blocks won within 400 slots").hasSize(order.size());
      // The intermediate block carried the leaf block, the beacon block the intermediate one.
      IntermediateBlockBody intermediate = (IntermediateBlockBody) imported.get(1).body();
      assertThat(intermediate.leafBlocks().getFirst().header())
          .isEqualTo((LeafBlockHeader) imported.get(0).header());
      assertThat(imported.get(2).header().kind()).isEqualTo(ShardKind.BEACON);
      // Beacon block 1 landed super segment 0, the one the farm plotted from.
      assertThat(node.storage.superSegmentHeader(SuperSegmentIndex.ZERO))
          .contains(farm.genesisSuperSegment.header());
    }
  }
}
