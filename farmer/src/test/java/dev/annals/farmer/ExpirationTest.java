package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.sector.SectorId;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sectors expire as history grows (dev: min lifetime 2 segments) and are replotted. */
class ExpirationTest {
  private static final ProtocolParameters DEV = DevHistory.DEV;

  @Test
  void expiredSectorsAreReplottedAtTheCurrentHistorySize() {
    TestNode node = new TestNode(4);
    List<FarmEvent> events = new ArrayList<>();
    FarmerIdentity identity = FarmerIdentity.devnet(3, DEV);
    Farm farm = new Farm(DEV, identity, new MemorySectorStore(), 2, node, 1, events::add);
    farm.sync();
    assertThat(farm.sectors()).allMatch(s -> s.historySize().segments() == 4);
    // Check point 4 + 2 = 6: global segment 5 must land before the expiration is known.
    assertThat(farm.sectors()).allMatch(s -> s.expiration().isEmpty());

    for (int landed = 6; landed <= DevHistory.SEGMENTS; landed += 2) {
      final int current = landed;
      node.land(current);
      List<FarmSector> before = farm.sectors();
      farm.sync();
      for (FarmSector s : before) {
        // Independently: the expiration from the super segment holding the check point.
        HistorySize check = SectorId.expirationCheck(s.historySize(), DEV).orElseThrow();
        if (check.segments() > landed) {
          continue;
        }
        HistorySize expected =
            s.sectorId()
                .expirationHistorySize(
                    s.historySize(),
                    DevHistory.get()
                        .superSegments
                        .get((int) ((check.segments() - 1) / DevHistory.PER_SUPER_SEGMENT))
                        .root(),
                    DEV)
                .orElseThrow();
        boolean expired = expected.segments() <= landed;
        boolean replotted =
            events.stream()
                .anyMatch(
                    e ->
                        e instanceof FarmEvent.SectorExpired x
                            && x.sector().equals(s.index())
                            && x.expiration().equals(expected)
                            && x.current().segments() == current);
        assertThat(replotted)
            .as("sector %s expiring at %s, history %d", s.index(), expected, landed)
            .isEqualTo(expired);
      }
    }
    List<FarmEvent.SectorPlotted> replots =
        events.stream()
            .filter(FarmEvent.SectorPlotted.class::isInstance)
            .map(FarmEvent.SectorPlotted.class::cast)
            .filter(FarmEvent.SectorPlotted::replot)
            .toList();
    assertThat(replots).isNotEmpty();
    assertThat(replots).allMatch(e -> e.historySize().segments() > 4);
    assertThat(farm.readySectors()).isEqualTo(2);
    // Every sector now farming has not expired at the current history size.
    for (FarmSector s : farm.sectors()) {
      assertThat(s.expiration().map(e -> e.segments() > DevHistory.SEGMENTS).orElse(true)).isTrue();
    }
  }
}
