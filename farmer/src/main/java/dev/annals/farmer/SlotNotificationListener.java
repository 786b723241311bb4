package dev.annals.farmer;

/** Receives slot notifications from a {@link NodeView}; must return quickly. */
@FunctionalInterface
public interface SlotNotificationListener {
  void onSlot(SlotNotification slot);
}
