package dev.annals.node.chain;

import dev.annals.consensus.pot.PotSeeds;
import dev.annals.consensus.pot.PotSlot;
import dev.annals.consensus.pot.SlotListener;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.PotCheckpoints;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The proof-of-time checkpoints this node knows, by slot: from its own {@code SlotClock} (it is a
 * {@link SlotListener}) and from the bodies of imported beacon blocks. Intermediate and leaf blocks
 * are checked against their outputs, beacon producers copy them into bodies. Kept in memory only,
 * for the newest {@code capacity} slots: on start-up the node refills it from the best beacon
 * chain's bodies ({@link NodeChain#open}), and older slots are never needed again (blocks at those
 * slots are long confirmed). Thread-safe.
 */
public final class PotOutputs implements SlotListener {
  private final int capacity;
  private final TreeMap<Long, PotCheckpoints> bySlot = new TreeMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public PotOutputs(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "pot outputs capacity: must be positive (value " + capacity + ")");
    }
    this.capacity = capacity;
  }

  /** How many slots are kept. */
  public int capacity() {
    return capacity;
  }

  /** Called (outside any lock of this store) after new slots were recorded. */
  public void addListener(Runnable onNewSlots) {
    listeners.add(onNewSlots);
  }

  @Override
  public void onSlot(PotSlot slot) {
    record(slot.input().slot(), slot.checkpoints());
  }

  /** Records the checkpoints of one slot (the last 16 bytes are its output). */
  public void record(Slot slot, PotCheckpoints checkpoints) {
    if (slot.value() <= 0) {
      throw new IllegalArgumentException("slot: slot 0 has no proof of time (value " + slot + ")");
    }
    boolean added;
    synchronized (this) {
      added = put(slot.value(), checkpoints);
    }
    if (added) {
      listeners.forEach(Runnable::run);
    }
  }

  /**
   * Records the checkpoints a verified beacon block carries: consecutive slots ending at its future
   * slot {@code lastSlot}.
   */
  public void recordBlockCheckpoints(Slot lastSlot, List<PotCheckpoints> checkpoints) {
    boolean added = false;
    synchronized (this) {
      long first = lastSlot.value() - checkpoints.size() + 1;
      for (int i = 0; i < checkpoints.size(); i++) {
        if (first + i > 0) {
          added |= put(first + i, checkpoints.get(i));
        }
      }
    }
    if (added) {
      listeners.forEach(Runnable::run);
    }
  }

  private boolean put(long slot, PotCheckpoints checkpoints) {
    if (!bySlot.isEmpty() && bySlot.size() >= capacity && slot < bySlot.firstKey()) {
      return false;
    }
    PotCheckpoints old = bySlot.put(slot, checkpoints);
    while (bySlot.size() > capacity) {
      bySlot.pollFirstEntry();
    }
    return old == null;
  }

  public synchronized Optional<PotCheckpoints> checkpoints(Slot slot) {
    return Optional.ofNullable(bySlot.get(slot.value()));
  }

  /** The output (proof of time) of {@code slot}: the last 16 bytes of its checkpoints. */
  public Optional<Bytes> output(Slot slot) {
    return checkpoints(slot)
        .map(
            cps -> {
              byte[] all = cps.outputs().toBytes();
              return Bytes.wrap(Arrays.copyOfRange(all, all.length - PotSeeds.SIZE, all.length));
            });
  }

  /** The newest slot known, or 0 for none. */
  public synchronized long latestSlot() {
    return bySlot.isEmpty() ? 0 : bySlot.lastKey();
  }
}
