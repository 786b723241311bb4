package dev.annals.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.block.BlockRule;
import dev.annals.node.chain.ImportResult.Status;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.params.ProtocolParameters;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks arriving from another node (a peer, here a second node of the same network on its own
 * database): held back until what they need arrives, fork choice by chain weight with ties to the
 * first seen, and forks below the confirmation depth refused.
 */
class ForkAndPendingTest {
  @TempDir Path dir;

  private final ShardIndex leaf = TestNetwork.leaves().getFirst();
  private final ShardIndex sibling = TestNetwork.leaves().get(1);
  private final ShardIndex intermediate = leaf.parent();

  private static Hash root(Block block, ProtocolParameters params) {
    return block.header().root(params);
  }

  private static ImportResult expect(ImportResult result, Status status) {
    assertThat(result.status()).as(result.toString()).isEqualTo(status);
    return result;
  }

  private static void expectHeld(ImportResult result, BlockRule rule) {
    expect(result, Status.HELD_BACK);
    assertThat(result.rule()).as(result.toString()).contains(rule);
  }

  @Test
  void heldBackBlocksImportWhenWhatTheyWaitForArrives() {
    assertThat(sibling.parent()).isEqualTo(intermediate);
    TestNetwork network = new TestNetwork(dir);
    try (ImportTestNode a = network.node("a");
        ImportTestNode b = network.node("b")) {
      for (long slot = 1; slot <= 6; slot++) {
        network.slot(a, slot);
      }
      ProtocolParameters p = a.params;
      List<Block> beacon = TestNetwork.bestChain(a, ShardIndex.BEACON);
      List<Block> leaves = TestNetwork.bestChain(a, leaf);
      List<Block> siblings = TestNetwork.bestChain(a, sibling);
      List<Block> intermediates = TestNetwork.bestChain(a, intermediate);

      expectHeld(b.importBlock(leaves.get(0)), BlockRule.BEACON_INFO_UNKNOWN);
      expectHeld(b.importBlock(leaves.get(2)), BlockRule.PARENT_UNKNOWN);
      // The same block again stays held.
      expectHeld(b.importBlock(leaves.get(2)), BlockRule.PARENT_UNKNOWN);
      assertThat(b.importer.pendingCount()).isEqualTo(2);

      ImportResult b1 = expect(b.importBlock(beacon.get(0)), Status.IMPORTED_BEST);
      assertThat(b1.released()).hasSize(1);
      assertThat(b1.released().getFirst().root()).isEqualTo(root(leaves.get(0), p));
      assertThat(b1.released().getFirst().status()).isEqualTo(Status.IMPORTED_BEST);

      expectHeld(b.importBlock(intermediates.get(0)), BlockRule.CHILD_UNKNOWN);
      ImportResult sibling1 = expect(b.importBlock(siblings.get(0)), Status.IMPORTED_BEST);
      assertThat(sibling1.released())
          .extracting(ImportResult::root)
          .containsExactly(root(intermediates.get(0), p));
      assertThat(sibling1.released().getFirst().status()).isEqualTo(Status.IMPORTED_BEST);

      // The rest of slot 1 (the other intermediate shard and its leaves), which B2 includes.
      ShardIndex otherIntermediate = TestNetwork.intermediates().getLast();
      for (ShardIndex other : TestNetwork.leaves()) {
        if (other.parent().equals(otherIntermediate)) {
          expect(b.importBlock(TestNetwork.bestChain(a, other).getFirst()), Status.IMPORTED_BEST);
        }
      }
      expect(
          b.importBlock(TestNetwork.bestChain(a, otherIntermediate).getFirst()),
          Status.IMPORTED_BEST);

      // L2 waits for B2; once B2 arrives, L2 imports and lets L3 through, which waits for B3.
      expectHeld(b.importBlock(leaves.get(1)), BlockRule.BEACON_INFO_UNKNOWN);
      ImportResult b2 = expect(b.importBlock(beacon.get(1)), Status.IMPORTED_BEST);
      assertThat(b2.released())
          .extracting(ImportResult::root)
          .containsExactly(root(leaves.get(1), p), root(leaves.get(2), p));
      assertThat(b2.released())
          .extracting(ImportResult::status)
          .containsExactly(Status.IMPORTED_BEST, Status.HELD_BACK);
      assertThat(b2.released().get(1).rule()).contains(BlockRule.BEACON_INFO_UNKNOWN);
      assertThat(b.importer.pendingCount()).isEqualTo(1);

      // Everything else, newest first: all of it ends up imported, and the second node stores
      // exactly what the producing node stores.
      for (Block block : TestNetwork.allBlocksInProductionOrder(a).reversed()) {
        b.importBlock(block);
      }
      assertThat(b.importer.pendingCount()).isZero();
      assertThat(b.best(leaf)).isEqualTo(a.best(leaf));
      assertThat(TestNetwork.contents(b)).isEqualTo(TestNetwork.contents(a));
    }
  }

  @Test
  void forkChoiceMovesToTheHeavierForkAndChildrenFollowIt() {
    TestNetwork network = new TestNetwork(dir);
    try (ImportTestNode a = network.node("a");
        ImportTestNode b = network.node("b")) {
      for (long slot = 1; slot <= 4; slot++) {
        network.slot(a, slot);
      }
      for (Block block : TestNetwork.allBlocksInProductionOrder(a)) {
        expect(b.importBlock(block), Status.IMPORTED_BEST);
      }
      ProtocolParameters p = a.params;
      // Slot 5 on a: beacon, leaf, intermediate (including the leaf block).
      TestNetwork.assertImportedBest(a.produce(ShardIndex.BEACON, 5));
      ImportResult l5a = a.produce(leaf, 5);
      TestNetwork.assertImportedBest(l5a);
      TestNetwork.assertImportedBest(a.produce(intermediate, 5));

      // b builds its own forks of the beacon chain and the leaf shard, two blocks each.
      Block b5b = b.block(expect(b.produce(ShardIndex.BEACON, 5, 1), Status.IMPORTED_BEST).root());
      Block l5b = b.block(expect(b.produce(leaf, 5, 1), Status.IMPORTED_BEST).root());
      Block b6b = b.block(expect(b.produce(ShardIndex.BEACON, 6), Status.IMPORTED_BEST).root());
      Block l6b = b.block(expect(b.produce(leaf, 6), Status.IMPORTED_BEST).root());
      assertThat(root(l5b, p)).isNotEqualTo(l5a.root());

      // Same weight as a's own block: the first seen stays best.
      expect(a.importBlock(b5b), Status.IMPORTED_SIDE);
      assertThat(a.best(ShardIndex.BEACON).root()).isNotEqualTo(root(b5b, p));
      expect(a.importBlock(b6b), Status.IMPORTED_BEST);
      assertThat(a.best(ShardIndex.BEACON).root()).isEqualTo(root(b6b, p));
      expect(a.importBlock(l5b), Status.IMPORTED_SIDE);
      assertThat(a.best(leaf).root()).isEqualTo(l5a.root());
      expect(a.importBlock(l6b), Status.IMPORTED_BEST);
      assertThat(a.best(leaf).root()).isEqualTo(root(l6b, p));
      assertThat(a.chain.meta(root(l6b, p)).cumulativeWeight())
          .isGreaterThan(a.chain.meta(l5a.root()).cumulativeWeight());

      // The intermediate shard had included l5a; its next block re-orgs onto l5b, l6b.
      ImportResult i6 = a.produce(intermediate, 6);
      TestNetwork.assertImportedBest(i6);
      IntermediateBlockBody body = (IntermediateBlockBody) a.block(i6.root()).body();
      assertThat(body.leafBlocks())
          .extracting(LeafBlockInfo::header)
          .extracting(h -> h.root(p))
          .containsExactly(root(l5b, p), root(l6b, p));
      // The network carries on from the new best chains.
      for (long slot = 7; slot <= 9; slot++) {
        network.slot(a, slot);
      }
    }
  }

  @Test
  void aForkBelowTheConfirmationDepthIsRefusedAndChangesNothing() {
    TestNetwork network = new TestNetwork(dir);
    try (ImportTestNode a = network.node("a");
        ImportTestNode b = network.node("b")) {
      for (long slot = 1; slot <= 6; slot++) {
        network.slot(a, slot);
      }
      // b knows only beacon block 1 (which includes no child block) and forks the leaf shard
      // from genesis; a archived its block 1 already (best #6, depth 4).
      expect(
          b.importBlock(TestNetwork.bestChain(a, ShardIndex.BEACON).getFirst()),
          Status.IMPORTED_BEST);
      long depth = a.params.blockConfirmationDepth();
      a.clockAt(7 + depth);
      for (long slot = 7; slot <= 7 + depth; slot++) {
        expect(b.produce(leaf, slot, 1), Status.IMPORTED_BEST);
      }
      List<Block> fork = TestNetwork.bestChain(b, leaf);
      for (int i = 0; i < depth; i++) {
        expect(a.importBlock(fork.get(i)), Status.IMPORTED_SIDE);
      }
      var before = TestNetwork.contents(a);
      ImportResult refused = expect(a.importBlock(fork.get((int) depth)), Status.REFUSED);
      assertThat(refused.detail()).contains("re-orgs below the confirmation depth");
      assertThat(TestNetwork.contents(a)).isEqualTo(before);
    }
  }
}
