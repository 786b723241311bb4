package dev.annals.consensus.pot;

import dev.annals.kernel.pot.ProofOfTime;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.block.PotParametersChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The timekeeper: proves slot after slot with the proof-of-time kernel on its own thread and tells
 * listeners about each. Production pacing comes from the iterations alone (about a second each);
 * {@code minSlotInterval} additionally holds a slot back until {@code start + n × interval}, which
 * the dev preset needs because its few iterations take microseconds.
 *
 * <p>A parameters change scheduled with {@link #schedule} (from a beacon block) applies from its
 * slot on, and injects its entropy into the seed of exactly that slot.
 */
public final class SlotClock implements AutoCloseable {
  private final ProofOfTime pot;
  private final long minSlotIntervalNanos;
  private final List<SlotListener> listeners = new CopyOnWriteArrayList<>();
  private final Consumer<Throwable> onFailure;
  private volatile PotParametersChange pendingChange;
  private volatile PotSlot latest;
  private volatile boolean stopped;
  private PotSlotInput nextInput;
  private Thread thread;

  /**
   * @param first the first slot to prove (e.g. {@link PotSlotInput#first})
   * @param minSlotInterval zero for unpaced proving
   * @param onFailure told when a listener or the kernel throws; the clock then stops
   */
  public SlotClock(
      ProofOfTime pot,
      PotSlotInput first,
      Duration minSlotInterval,
      Consumer<Throwable> onFailure) {
    if (pot == null || first == null || minSlotInterval == null || onFailure == null) {
      throw new IllegalArgumentException("slot clock: every argument must be set (value null)");
    }
    if (minSlotInterval.isNegative()) {
      throw new IllegalArgumentException(
          "slot clock: min slot interval must not be negative (value " + minSlotInterval + ")");
    }
    this.pot = pot;
    this.nextInput = first;
    this.minSlotIntervalNanos = minSlotInterval.toNanos();
    this.onFailure = onFailure;
  }

  public void addListener(SlotListener listener) {
    listeners.add(listener);
  }

  public void removeListener(SlotListener listener) {
    listeners.remove(listener);
  }

  /** Applies {@code change} when its slot comes; replaces an earlier pending change. */
  public void schedule(PotParametersChange change) {
    pendingChange = change;
  }

  /** The newest proven slot, or null before the first. */
  public PotSlot latest() {
    return latest;
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("slot clock already started");
    }
    thread = Thread.ofPlatform().name("pot-slot-clock").daemon().start(this::run);
  }

  private void run() {
    long startNanos = System.nanoTime();
    long proven = 0;
    try {
      while (!stopped) {
        PotSlotInput input = nextInput;
        byte[] checkpoints = pot.prove(input.seed().toBytes(), input.slotIterations());
        PotSlot slot = new PotSlot(input, new PotCheckpoints(Bytes.wrap(checkpoints)));
        proven++;
        if (minSlotIntervalNanos > 0) {
          long due = startNanos + proven * minSlotIntervalNanos;
          for (long wait = due - System.nanoTime(); wait > 0 && !stopped; ) {
            LockSupport.parkNanos(this, wait);
            wait = due - System.nanoTime();
          }
        }
        if (stopped) {
          return;
        }
        latest = slot;
        for (SlotListener listener : listeners) {
          listener.onSlot(slot);
        }
        nextInput = input.next(slot.output(), pendingChange);
      }
    } catch (RuntimeException | Error e) {
      stopped = true;
      onFailure.accept(e);
    }
  }

  /** Stops proving and waits for the thread; the slot being proven is dropped. */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      LockSupport.unpark(t);
      t.join();
    }
  }
}
