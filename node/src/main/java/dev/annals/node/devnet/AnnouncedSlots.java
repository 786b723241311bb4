package dev.annals.node.devnet;

import dev.annals.farmer.SlotNotification;
import dev.annals.primitives.Slot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each recent slot was announced to the farmer with, so the producer can tell whether the
 * terms a solution was found under still hold when it builds. Only the last {@link #KEPT} slots are
 * kept: a solution for an older slot is not built on anyway.
 */
final class AnnouncedSlots {
  static final long KEPT = 64;

  private final Map<Long, SlotNotification> bySlot = new ConcurrentHashMap<>();

  void add(SlotNotification notification) {
    long slot = notification.slot().value();
    bySlot.put(slot, notification);
    bySlot.keySet().removeIf(k -> k < slot - KEPT);
  }

  Optional<SlotNotification> get(Slot slot) {
    return Optional.ofNullable(bySlot.get(slot.value()));
  }
}
