package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A farm directory stopped in the middle of replotting an expired sector comes back consistent:
 * every sector is either the old one (still checked in full, then replotted because it expired) or
 * missing (plotted afresh), never a mix; interrupted plots leave no temporary files behind; and the
 * sectors then farm solutions the consensus verifier accepts.
 */
class ReplotRestartTest {
  private static final ProtocolParameters DEV = DevHistory.DEV;
  private static final int SECTORS = 2;
  private static final HistorySize NOW = new HistorySize(DevHistory.SEGMENTS);

  @TempDir Path dir;
  private final TestNode node = new TestNode(4);
  private final FarmerIdentity identity = FarmerIdentity.devnet(2, DEV);
  private final List<FarmEvent> events = new ArrayList<>();

  private Farm open(Path directory, Consumer<FarmEvent> sink) throws IOException {
    return new Farm(
        DEV,
        identity,
        DirectorySectorStore.open(directory, DEV, identity.publicKeyHash()),
        SECTORS,
        node,
        1,
        sink);
  }

  private <T extends FarmEvent> List<T> eventsOf(Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static List<Path> leftovers(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  void interruptedReplotResumesConsistently() throws Exception {
    try (Farm farm = open(dir, events::add)) {
      farm.sync();
    }
    byte[] oldPlot = Files.readAllBytes(dir.resolve("sector-0.plot"));
    byte[] oldMeta = Files.readAllBytes(dir.resolve("sector-0.meta"));
    node.land(DevHistory.SEGMENTS);

    // The plotting thread is stopped (as Farmer.close stops it) once the last expiry is known:
    // every replot then dies inside the store's write.
    events.clear();
    try (Farm farm =
        open(
            dir,
            e -> {
              events.add(e);
              if (e instanceof FarmEvent.SectorExpired x && x.sector().value() == SECTORS - 1) {
                Thread.currentThread().interrupt();
              }
            })) {
      farm.sync();
      assertThat(farm.readySectors()).as("expired sectors are out of farming").isZero();
    } finally {
      Thread.interrupted();
    }
    assertThat(eventsOf(FarmEvent.SectorExpired.class)).hasSize(SECTORS);
    assertThat(eventsOf(FarmEvent.PlottingFailed.class)).hasSize(SECTORS);
    assertThat(eventsOf(FarmEvent.SectorPlotted.class)).isEmpty();
    // The old sector is intact beside the interrupted plot's temporary file.
    assertThat(Files.readAllBytes(dir.resolve("sector-0.plot"))).isEqualTo(oldPlot);
    assertThat(Files.readAllBytes(dir.resolve("sector-0.meta"))).isEqualTo(oldMeta);
    assertThat(leftovers(dir)).isNotEmpty();

    events.clear();
    try (Farm farm = open(dir, events::add)) {
      assertThat(leftovers(dir)).isEmpty();
      farm.sync();
      // The old sectors were checked in full and re-used, found expired, and replotted.
      assertThat(eventsOf(FarmEvent.SectorReused.class)).hasSize(SECTORS);
      assertThat(eventsOf(FarmEvent.SectorExpired.class)).hasSize(SECTORS);
      assertThat(eventsOf(FarmEvent.SectorCorrupt.class)).isEmpty();
      assertThat(eventsOf(FarmEvent.SectorPlotted.class))
          .hasSize(SECTORS)
          .allMatch(p -> p.replot() && p.historySize().equals(NOW));
      assertThat(farm.replots()).isEqualTo(SECTORS);
      assertVerifiedSolutions(farm);
    }
    assertReopensAsIs(dir);
  }

  /**
   * The two other states a crash inside the store's write can leave: the old metadata deleted with
   * the new plot still temporary, and the new plot moved in with its metadata still temporary.
   */
  @Test
  void crashBetweenTheStoresStepsResumesConsistently() throws Exception {
    try (Farm farm = open(dir, events::add)) {
      farm.sync();
    }
    byte[] oldPlot = Files.readAllBytes(dir.resolve("sector-0.plot"));
    node.land(DevHistory.SEGMENTS);
    try (Farm farm = open(dir, events::add)) {
      farm.sync();
    }
    byte[] newPlot = Files.readAllBytes(dir.resolve("sector-0.plot"));
    byte[] newMeta = Files.readAllBytes(dir.resolve("sector-0.meta"));
    byte[] manifest = Files.readAllBytes(dir.resolve(DirectorySectorStore.MANIFEST));
    byte[] other = Files.readAllBytes(dir.resolve("sector-1.plot"));
    byte[] otherMeta = Files.readAllBytes(dir.resolve("sector-1.meta"));

    for (int state = 0; state < 2; state++) {
      Path crashed = Files.createDirectories(dir.resolve("crash-" + state));
      Files.write(crashed.resolve(DirectorySectorStore.MANIFEST), manifest);
      Files.write(crashed.resolve("sector-1.plot"), other);
      Files.write(crashed.resolve("sector-1.meta"), otherMeta);
      if (state == 0) {
        Files.write(crashed.resolve("sector-0.plot"), oldPlot);
        Files.write(crashed.resolve("sector-0.plot.tmp"), newPlot);
      } else {
        Files.write(crashed.resolve("sector-0.plot"), newPlot);
      }
      Files.write(crashed.resolve("sector-0.meta.tmp"), newMeta);

      events.clear();
      try (Farm farm = open(crashed, events::add)) {
        assertThat(leftovers(crashed)).isEmpty();
        farm.sync();
        // Sector 1 was complete and is re-used; sector 0 has no metadata and is plotted afresh.
        assertThat(eventsOf(FarmEvent.SectorReused.class))
            .singleElement()
            .satisfies(r -> assertThat(r.sector().value()).isEqualTo(1));
        assertThat(eventsOf(FarmEvent.SectorPlotted.class))
            .singleElement()
            .satisfies(
                p -> {
                  assertThat(p.sector().value()).isZero();
                  assertThat(p.historySize()).isEqualTo(NOW);
                });
        assertThat(eventsOf(FarmEvent.SectorCorrupt.class)).isEmpty();
        assertThat(Files.readAllBytes(crashed.resolve("sector-0.plot"))).isEqualTo(newPlot);
        assertVerifiedSolutions(farm);
      }
      assertReopensAsIs(crashed);
    }
  }

  /** Reopened, every sector is re-used at the current history size: nothing to replot. */
  private void assertReopensAsIs(Path directory) throws IOException {
    events.clear();
    try (Farm farm = open(directory, events::add)) {
      farm.sync();
      assertThat(eventsOf(FarmEvent.SectorReused.class))
          .hasSize(SECTORS)
          .allMatch(r -> r.historySize().equals(NOW));
      assertThat(eventsOf(FarmEvent.SectorPlotted.class)).isEmpty();
      assertThat(leftovers(directory)).isEmpty();
    }
  }

  private void assertVerifiedSolutions(Farm farm) {
    SlotAuditor auditor = new SlotAuditor(DEV, 1);
    int verified = 0;
    for (long n = 1; n < 3000 && verified < 3; n++) {
      SlotNotification slot = Slots.slot(n, SolutionRange.MAX, Slots.entropy(3), NOW);
      List<ShardSolution> sunk = new ArrayList<>();
      SlotReport report = auditor.farm(slot, List.of(farm), sunk::add);
      assertThat(report.sectors()).isEqualTo(SECTORS);
      for (ShardSolution s : sunk) {
        assertThat(RealVerifier.verdict(s, slot, NOW, node)).as("slot %d", n).isEmpty();
        verified++;
      }
    }
    assertThat(verified).isGreaterThanOrEqualTo(3);
  }
}
