package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The farmer driven by the node's slot pushes: plots on start, farms each slot, unsubscribes. */
class FarmerSubscriptionTest {
  private static final ProtocolParameters DEV = DevHistory.DEV;

  @Test
  void slotsPushedByTheNodeBecomeSolutions() throws Exception {
    TestNode node = new TestNode(6);
    CountDownLatch plotted = new CountDownLatch(4);
    List<Farm> farms = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      farms.add(
          new Farm(
              DEV,
              FarmerIdentity.devnet(10 + i, DEV),
              new MemorySectorStore(),
              2,
              node,
              1,
              e -> {
                if (e instanceof FarmEvent.SectorPlotted) {
                  plotted.countDown();
                }
              }));
    }
    LinkedBlockingQueue<ShardSolution> solutions = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<SlotReport> reports = new LinkedBlockingQueue<>();
    SlotNotification last;
    try (Farmer farmer = new Farmer(DEV, node, farms, solutions::add, 1, reports::add)) {
      farmer.start();
      assertThat(node.listeners).hasSize(1);
      assertThat(plotted.await(60, TimeUnit.SECONDS)).isTrue();
      List<SlotNotification> sent = new ArrayList<>();
      int farmed = 0;
      for (int n = 1; n <= 30; n++) {
        SlotNotification slot =
            Slots.slot(n, SolutionRange.MAX, Slots.entropy(1), node.historySize());
        sent.add(slot);
        node.emit(slot);
        // One slot at a time so none is dropped as stale.
        SlotReport report = reports.poll(30, TimeUnit.SECONDS);
        assertThat(report).isNotNull();
        assertThat(report.slot()).isEqualTo(slot.slot());
        assertThat(report.sectors()).isEqualTo(4);
        farmed++;
      }
      assertThat(farmed).isEqualTo(30);
      assertThat(farmer.droppedSlots()).isZero();
      assertThat(solutions).isNotEmpty();
      for (ShardSolution s : solutions) {
        SolutionCheck.check(s, sent.get((int) s.slot().value() - 1), DevHistory.get());
      }
      last = sent.getLast();
    }
    assertThat(node.listeners).isEmpty();
    assertThat(last).isNotNull();
  }
}
