package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.solution.SolutionVerifyException.Check;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The farmer's expiry check agrees with the consensus {@code SolutionVerifier} at every history
 * size around a sector's expiration, and an expired sector is replotted in place into one whose
 * solutions the verifier accepts.
 */
class SectorExpiryTest {
  private static final ProtocolParameters DEV = DevHistory.DEV;
  private static final int PLOTTED_AT = 4;

  private final TestNode node = new TestNode(PLOTTED_AT);
  private final List<FarmEvent> events = new ArrayList<>();

  /** The expiration computed as the verifier does, from the landed history alone. */
  private static HistorySize expectedExpiration(FarmSector sector) {
    long checkPoint = sector.historySize().segments() + DEV.minSectorLifetime();
    return sector
        .sectorId()
        .expirationHistorySize(
            sector.historySize(),
            DevHistory.get()
                .superSegments
                .get((int) ((checkPoint - 1) / DevHistory.PER_SUPER_SEGMENT))
                .root(),
            DEV)
        .orElseThrow();
  }

  /** Farms slots from {@code first} on at {@code history} until one yields a solution. */
  private static Found firstSolution(Farm farm, long first, HistorySize history) {
    SlotAuditor auditor = new SlotAuditor(DEV, 1);
    for (long n = first; n < first + 2000; n++) {
      SlotNotification slot = Slots.slot(n, SolutionRange.MAX, Slots.entropy(1), history);
      List<ShardSolution> sunk = new ArrayList<>();
      auditor.farm(slot, List.of(farm), sunk::add);
      if (!sunk.isEmpty()) {
        return new Found(slot, sunk.getFirst());
      }
    }
    throw new AssertionError("no solution in 2000 slots at history size " + history);
  }

  private record Found(SlotNotification slot, ShardSolution solution) {}

  @Test
  void auditingStopsAtExactlyTheHistorySizeTheVerifierRejects() throws Exception {
    Farm farm =
        new Farm(
            DEV, FarmerIdentity.devnet(5, DEV), new MemorySectorStore(), 1, node, 1, events::add);
    try (Farmer farmer = new Farmer(DEV, node, List.of(farm), s -> {}, 1, r -> {})) {
      farm.sync();
      FarmSector sector = farm.sectors().getFirst();
      assertThat(sector.historySize().segments()).isEqualTo(PLOTTED_AT);
      // Every super segment known to the node from here on; the farm has not synced since.
      node.land(DevHistory.SEGMENTS);
      HistorySize expiration = expectedExpiration(sector);
      long checkPoint = PLOTTED_AT + DEV.minSectorLifetime();
      assertThat(expiration.segments()).isGreaterThanOrEqualTo(checkPoint);

      Found found = firstSolution(farm, 1, new HistorySize(expiration.segments() - 1));
      SlotAuditor auditor = new SlotAuditor(DEV, 1);
      for (long h = PLOTTED_AT - 1; h <= expiration.segments() + 2; h++) {
        HistorySize current = new HistorySize(h);
        Optional<Check> verdict =
            RealVerifier.verdict(found.solution(), found.slot(), current, node);
        SlotNotification again =
            Slots.slot(found.slot().slot().value(), SolutionRange.MAX, Slots.entropy(1), current);
        SlotReport report = auditor.farm(again, List.of(farm), s -> {});
        assertThat(report.sectors())
            .as("history %d: verifier says %s", h, verdict)
            .isEqualTo(verdict.isEmpty() ? 1 : 0);
        assertThat(report.skipped()).isEqualTo(verdict.isEmpty() ? 0 : 1);
        assertThat(report.solutions().isEmpty()).isEqualTo(verdict.isPresent());
        assertThat(farmer.usableAt(found.solution().solution(), current))
            .as("history %d", h)
            .isEqualTo(verdict.isEmpty());
      }
      // The boundary itself: one before, at, one after the expiration; and before the plot.
      assertThat(verdict(found, expiration.segments() - 1)).isEmpty();
      assertThat(verdict(found, expiration.segments())).contains(Check.SECTOR_EXPIRED);
      assertThat(verdict(found, expiration.segments() + 1)).contains(Check.SECTOR_EXPIRED);
      assertThat(verdict(found, PLOTTED_AT - 1)).contains(Check.HISTORY_SIZE_IN_FUTURE);
      // The slot learned the expiration itself; no sync ran.
      assertThat(farm.sectors().getFirst().expiration()).contains(expiration);
      assertThat(events).noneMatch(FarmEvent.SectorExpired.class::isInstance);
    }
  }

  private Optional<Check> verdict(Found found, long history) {
    return RealVerifier.verdict(found.solution(), found.slot(), new HistorySize(history), node);
  }

  @Test
  void expiredSectorsLeaveFarmingFirstAndAreReplottedInPlace() throws Exception {
    int sectors = 3;
    Farm farm =
        new Farm(
            DEV,
            FarmerIdentity.devnet(6, DEV),
            new MemorySectorStore(),
            sectors,
            node,
            1,
            events::add);
    try (farm) {
      farm.sync();
      List<FarmSector> old = farm.sectors();
      // Plotted at 4, a dev sector expires by 4 + 2 + (2 + 16 − 6) = 18 at the latest.
      node.land(DevHistory.SEGMENTS);
      events.clear();
      farm.sync();
      List<FarmEvent> inOrder = List.copyOf(events);
      int firstPlot = indexOf(inOrder, FarmEvent.SectorPlotted.class);
      int lastExpired = lastIndexOf(inOrder, FarmEvent.SectorExpired.class);
      assertThat(lastExpired)
          .as("every expiry is reported before the first replot")
          .isLessThan(firstPlot);
      for (FarmSector s : old) {
        HistorySize expiration = expectedExpiration(s);
        assertThat(inOrder)
            .contains(
                new FarmEvent.SectorExpired(
                    farm.identity().publicKeyHash(),
                    s.index(),
                    expiration,
                    new HistorySize(DevHistory.SEGMENTS)));
      }
      List<FarmEvent.SectorPlotted> replots =
          inOrder.stream()
              .filter(FarmEvent.SectorPlotted.class::isInstance)
              .map(FarmEvent.SectorPlotted.class::cast)
              .toList();
      assertThat(replots).hasSize(sectors).allMatch(FarmEvent.SectorPlotted::replot);
      assertThat(replots.getFirst().ready()).isEqualTo(1);
      assertThat(farm.replots()).isEqualTo(sectors);
      assertThat(farm.sectors())
          .extracting(FarmSector::index)
          .containsExactly(new SectorIndex(0), new SectorIndex(1), new SectorIndex(2));
      for (FarmSector s : farm.sectors()) {
        assertThat(s.historySize().segments()).isEqualTo(DevHistory.SEGMENTS);
        assertThat(s.sectorId())
            .isEqualTo(
                SectorId.derive(
                    farm.identity().publicKeyHash(),
                    farm.identity().commitmentsRoot(s.historySize()),
                    s.index(),
                    s.historySize()));
      }
      // The replotted sectors win again, and the real verifier accepts what they produce.
      HistorySize now = new HistorySize(DevHistory.SEGMENTS);
      for (long first = 1; first < 40; first += 10) {
        Found found = firstSolution(farm, 1000 * first, now);
        assertThat(found.solution().solution().historySize()).isEqualTo(now);
        assertThat(RealVerifier.verdict(found.solution(), found.slot(), now, node)).isEmpty();
        SolutionCheck.check(found.solution(), found.slot(), DevHistory.get());
      }
      // Nothing left to do: a second sync replots nothing.
      farm.sync();
      assertThat(farm.replots()).isEqualTo(sectors);
    }
  }

  private static int indexOf(List<FarmEvent> events, Class<?> kind) {
    for (int i = 0; i < events.size(); i++) {
      if (kind.isInstance(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(List<FarmEvent> events, Class<?> kind) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (kind.isInstance(events.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
