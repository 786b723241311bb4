package dev.annals.consensus.pot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.PotParametersChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SlotClockTest {
  private static final byte[] GENESIS = PotSeeds.genesis(Hash.ZERO, new byte[0]).toBytes();

  private static List<PotSlot> run(SlotClock clock, int slots) throws Exception {
    List<PotSlot> seen = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(slots);
    clock.addListener(
        s -> {
          seen.add(s);
          done.countDown();
        });
    clock.start();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    clock.close();
    return seen;
  }

  @Test
  void provesConsecutiveSlotsAndInjectsScheduledEntropy() throws Exception {
    Hash entropy = Hash.blake3(new byte[] {5});
    NaivePotChain naive = new NaivePotChain(GENESIS, 1024, 12, 2048, entropy, 20);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    SlotClock clock =
        new SlotClock(
            Kernels.proofOfTime(),
            PotSlotInput.first(Bytes.of(GENESIS), 1024),
            Duration.ZERO,
            failure::set);
    clock.schedule(new PotParametersChange(new Slot(12), 2048, entropy));
    List<PotSlot> seen = run(clock, 20);
    assertThat(failure.get()).isNull();
    assertThat(seen.size()).isGreaterThanOrEqualTo(20);
    for (int i = 0; i < 20; i++) {
      PotSlot s = seen.get(i);
      long slot = i + 1;
      assertThat(s.input().slot().value()).isEqualTo(slot);
      assertThat(s.input().seed().toBytes()).isEqualTo(naive.seed(slot));
      assertThat(s.input().slotIterations()).isEqualTo(slot >= 12 ? 2048 : 1024);
      assertThat(s.checkpoints().outputs().toBytes()).isEqualTo(naive.checkpoints(slot));
      assertThat(s.output()).isEqualTo(naive.output(slot));
    }
    assertThat(clock.latest()).isNotNull();
  }

  @Test
  void minimumSlotIntervalPacesSlotsAndCloseStops() throws Exception {
    SlotClock clock =
        new SlotClock(
            Kernels.proofOfTime(),
            PotSlotInput.first(Bytes.of(GENESIS), 1024),
            Duration.ofMillis(25),
            e -> {});
    long start = System.nanoTime();
    List<PotSlot> seen = run(clock, 6);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(6 * 25 - 5);
    int after = seen.size();
    Thread.sleep(100);
    assertThat(seen).hasSize(after);
  }

  @Test
  void listenerFailureStopsTheClockAndIsReported() throws Exception {
    CountDownLatch reported = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    SlotClock clock =
        new SlotClock(
            Kernels.proofOfTime(),
            PotSlotInput.first(Bytes.of(GENESIS), 1024),
            Duration.ZERO,
            e -> {
              failure.set(e);
              reported.countDown();
            });
    clock.addListener(
        s -> {
          throw new IllegalStateException("listener broke at " + s.input().slot());
        });
    clock.start();
    assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(failure.get()).hasMessageContaining("listener broke at 1");
    clock.close();
  }
}
