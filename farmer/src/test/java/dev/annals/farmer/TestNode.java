package dev.annals.farmer;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link NodeView} over {@link DevHistory}: a growing landed history, tamperable pieces. */
final class TestNode implements NodeView {
  private final DevHistory history = DevHistory.get();
  private volatile int landedSegments;
  final Map<PieceIndex, Piece> replaced = new ConcurrentHashMap<>();
  final Set<PieceIndex> missing = ConcurrentHashMap.newKeySet();

  /** When set, every request fails with it (an unreachable remote node). */
  volatile RuntimeException failure;

  /** When set, piece requests fail with it. */
  volatile RuntimeException pieceFailure;

  final List<SlotNotificationListener> listeners = new CopyOnWriteArrayList<>();

  TestNode(int landedSegments) {
    land(landedSegments);
  }

  void land(int segments) {
    if (segments % DevHistory.PER_SUPER_SEGMENT != 0 || segments > DevHistory.SEGMENTS) {
      throw new IllegalArgumentException("whole super segments only: " + segments);
    }
    landedSegments = segments;
  }

  void emit(SlotNotification slot) {
    for (SlotNotificationListener l : listeners) {
      l.onSlot(slot);
    }
  }

  @Override
  public HistorySize historySize() {
    failIfSet();
    return new HistorySize(landedSegments);
  }

  @Override
  public Optional<Piece> piece(PieceIndex index) {
    failIfSet();
    if (pieceFailure != null) {
      throw pieceFailure;
    }
    if (index.value() >= (long) landedSegments * DevHistory.DEV.piecesPerSegment()) {
      return Optional.empty();
    }
    if (missing.contains(index)) {
      return Optional.empty();
    }
    Piece override = replaced.get(index);
    return Optional.of(override != null ? override : history.piece(index.value()));
  }

  @Override
  public Optional<SuperSegmentHeader> superSegmentHeader(SuperSegmentIndex index) {
    if (index.value() >= landedSegments / DevHistory.PER_SUPER_SEGMENT) {
      return Optional.empty();
    }
    return Optional.of(history.superSegments.get((int) index.value()));
  }

  @Override
  public Optional<SuperSegmentHeader> superSegmentHeaderContaining(GlobalSegmentIndex segment) {
    if (segment.value() >= landedSegments) {
      return Optional.empty();
    }
    return Optional.of(
        history.superSegments.get((int) (segment.value() / DevHistory.PER_SUPER_SEGMENT)));
  }

  private void failIfSet() {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
  }

  @Override
  public SlotSubscription subscribeSlots(SlotNotificationListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
