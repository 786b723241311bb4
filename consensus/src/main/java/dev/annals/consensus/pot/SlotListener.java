package dev.annals.consensus.pot;

/**
 * Receives every slot the {@link SlotClock} proves, in slot order, on the clock's thread. A slow
 * listener delays the next slot, so hand heavy work (auditing, block production) to another thread.
 */
@FunctionalInterface
public interface SlotListener {
  void onSlot(PotSlot slot);
}
