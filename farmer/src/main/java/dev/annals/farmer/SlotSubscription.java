package dev.annals.farmer;

/** A live slot subscription; closing it unsubscribes (idempotent, never throws). */
@FunctionalInterface
public interface SlotSubscription extends AutoCloseable {
  @Override
  void close();
}
