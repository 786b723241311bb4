package dev.annals.farmer;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.Optional;

/**
 * Everything a farmer needs from a node. The devnet's embedded node implements it directly; a
 * remote node will implement it over RPC (a WebSocket subscription for slots), so every method is a
 * plain request or a push, never a node class, and nothing here polls.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #historySize()} counts the segments of global history that have landed in super
 *       segments; every piece with a global index below {@code historySize × pieces per segment}
 *       must then be available from {@link #piece}.
 *   <li>{@link #piece} returns landed pieces only (super segment index and segment position
 *       filled); empty for an index the node does not have. The farmer verifies what it gets.
 *   <li>Calls may come from any farmer thread; a remote implementation may block on the network.
 *   <li>{@link #subscribeSlots} pushes every new slot in slot order on a node thread; the listener
 *       must return quickly (the farmer hands the work to its own thread).
 * </ul>
 */
public interface NodeView {
  /** Segments of global history that have landed in super segments. */
  HistorySize historySize();

  /** The landed piece with this global index, or empty. */
  Optional<Piece> piece(PieceIndex index);

  /** The super segment header with this index, or empty if it does not exist yet. */
  Optional<SuperSegmentHeader> superSegmentHeader(SuperSegmentIndex index);

  /**
   * The super segment holding global segment {@code segment}, or empty while none does (needed for
   * sector expiration, which uses the root of the super segment holding the expiration check
   * point).
   */
  Optional<SuperSegmentHeader> superSegmentHeaderContaining(GlobalSegmentIndex segment);

  /** Starts pushing slots to {@code listener} until the returned subscription is closed. */
  SlotSubscription subscribeSlots(SlotNotificationListener listener);
}
