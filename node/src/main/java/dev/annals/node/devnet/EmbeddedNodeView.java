package dev.annals.node.devnet;

import dev.annals.farmer.NodeView;
import dev.annals.farmer.SlotNotification;
import dev.annals.farmer.SlotNotificationListener;
import dev.annals.farmer.SlotSubscription;
import dev.annals.node.chain.NodeChain;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The farmer's view of a node running in the same process: reads go straight to the node's chain
 * state and storage, slots are pushed by {@link #publish} (the devnet runtime calls it from its
 * slot clock thread). History size is the one in force after the best beacon block, the same number
 * the block rules bound a solution's history size by.
 */
public final class EmbeddedNodeView implements NodeView {
  private final NodeChain chain;
  private final GenesisSegmentPieces genesisPieces;
  private final List<SlotNotificationListener> listeners = new CopyOnWriteArrayList<>();

  public EmbeddedNodeView(NodeChain chain) {
    this.chain = chain;
    this.genesisPieces = new GenesisSegmentPieces(chain.genesis());
  }

  @Override
  public HistorySize historySize() {
    return chain
        .view()
        .historySizeAt(chain.bestHead(ShardIndex.BEACON).root())
        .orElseThrow(() -> new IllegalStateException("the best beacon block is not stored"));
  }

  @Override
  public Optional<Piece> piece(PieceIndex index) {
    Optional<Piece> stored = chain.storage().piece(index);
    return stored.isPresent() ? stored : genesisPieces.piece(index);
  }

  @Override
  public Optional<SuperSegmentHeader> superSegmentHeader(SuperSegmentIndex index) {
    return chain.view().byIndex(index);
  }

  @Override
  public Optional<SuperSegmentHeader> superSegmentHeaderContaining(GlobalSegmentIndex segment) {
    return chain.view().containing(segment);
  }

  @Override
  public SlotSubscription subscribeSlots(SlotNotificationListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Pushes a slot to every subscriber, in the caller's thread. */
  public void publish(SlotNotification slot) {
    for (SlotNotificationListener listener : listeners) {
      listener.onSlot(slot);
    }
  }
}
