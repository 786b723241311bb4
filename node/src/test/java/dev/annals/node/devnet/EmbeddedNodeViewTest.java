package dev.annals.node.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.farmer.SlotNotification;
import dev.annals.farmer.SlotSubscription;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.chain.NodeChain;
import dev.annals.node.chain.PotOutputs;
import dev.annals.node.chain.TransactionPool;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.StorageConfig;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.Piece;
import dev.annals.supersegment.LightClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The farmer's view of a fresh devnet node, before any block: what sectors for block 1 need. */
class EmbeddedNodeViewTest {
  @TempDir Path dir;

  @Test
  void aFreshNodeServesTheGenesisSegmentLandedInSuperSegmentZero() {
    ChainSpec spec = ChainSpecs.builtIn("devnet");
    try (ChainStorage storage =
        ChainStorage.open(dir, spec, new StorageConfig(8L << 20, 4L << 20, false))) {
      NodeChain chain =
          NodeChain.open(
              storage,
              new GenesisBlocks(spec),
              new PotOutputs(16),
              new TransactionPool(1, 1),
              null);
      EmbeddedNodeView view = new EmbeddedNodeView(chain);

      assertEquals(HistorySize.ONE, view.historySize());
      assertEquals(
          Optional.of(chain.genesisSuperSegment()),
          view.superSegmentHeader(SuperSegmentIndex.ZERO));
      assertEquals(
          Optional.of(chain.genesisSuperSegment()),
          view.superSegmentHeaderContaining(GlobalSegmentIndex.ZERO));
      assertEquals(Optional.empty(), view.superSegmentHeader(new SuperSegmentIndex(1)));

      // Every genesis piece verifies with nothing but super segment 0's header.
      LightClient client = new LightClient(spec.parameters());
      client.acceptHeader(chain.genesisSuperSegment());
      long perSegment = spec.parameters().piecesPerSegment();
      for (long i = 0; i < perSegment; i++) {
        Piece piece = view.piece(new PieceIndex(i)).orElseThrow();
        assertEquals(Optional.empty(), client.verify(piece, new PieceIndex(i)), "piece " + i);
      }
      assertEquals(Optional.empty(), view.piece(new PieceIndex(perSegment)));
      // A piece under another index fails: the checks are real.
      Piece first = view.piece(new PieceIndex(0)).orElseThrow();
      assertTrue(client.verify(first, new PieceIndex(1)).isPresent());
    }
  }

  @Test
  void slotsReachSubscribersUntilTheyUnsubscribe() {
    ChainSpec spec = ChainSpecs.builtIn("devnet");
    try (ChainStorage storage =
        ChainStorage.open(dir, spec, new StorageConfig(8L << 20, 4L << 20, false))) {
      NodeChain chain =
          NodeChain.open(
              storage,
              new GenesisBlocks(spec),
              new PotOutputs(16),
              new TransactionPool(1, 1),
              null);
      EmbeddedNodeView view = new EmbeddedNodeView(chain);
      List<Long> seen = new ArrayList<>();
      SlotSubscription subscription = view.subscribeSlots(s -> seen.add(s.slot().value()));
      view.publish(slot(1));
      view.publish(slot(2));
      subscription.close();
      view.publish(slot(3));
      assertEquals(List.of(1L, 2L), seen);
    }
  }

  private static SlotNotification slot(long n) {
    return new SlotNotification(
        new Slot(n),
        Bytes.zeros(16),
        SolutionRanges.uniform(SolutionRange.MAX),
        ChainSpecs.builtIn("devnet").numShards(),
        new MembershipEntropy(Bytes.zeros(16)),
        HistorySize.ONE);
  }
}
