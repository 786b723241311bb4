package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.sector.SectorRegion;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFarmTest {
  private static final ProtocolParameters DEV = DevHistory.DEV;
  private static final int SECTORS = 3;

  @TempDir Path dir;
  private final TestNode node = new TestNode(8);
  private final FarmerIdentity identity = FarmerIdentity.devnet(0, DEV);
  private final List<FarmEvent> events = new ArrayList<>();

  private Farm open() throws IOException {
    return new Farm(
        DEV,
        identity,
        DirectorySectorStore.open(dir, DEV, identity.publicKeyHash()),
        SECTORS,
        node,
        2,
        events::add);
  }

  private <T extends FarmEvent> List<T> eventsOf(Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  @Test
  void restartReusesPlotsAndFarmsTheSameWay() throws Exception {
    List<byte[]> plots = new ArrayList<>();
    SlotNotification slot =
        Slots.slot(3, SolutionRange.fromPieces(1, DEV), Slots.entropy(1), node.historySize());
    SlotReport before;
    try (Farm farm = open()) {
      farm.sync();
      assertThat(eventsOf(FarmEvent.SectorPlotted.class)).hasSize(SECTORS);
      before = new SlotAuditor(DEV, 1).farm(slot, List.of(farm), s -> {});
    }
    for (int i = 0; i < SECTORS; i++) {
      plots.add(Files.readAllBytes(dir.resolve("sector-" + i + ".plot")));
      assertThat(dir.resolve("sector-" + i + ".meta")).exists();
    }
    assertThat(Files.readString(dir.resolve("farm.txt")))
        .isEqualTo(
            "format annals-farm-1\npreset dev\npublic_key_hash "
                + identity.publicKeyHash().toHex()
                + "\n");
    events.clear();
    try (Farm farm = open()) {
      farm.sync();
      assertThat(eventsOf(FarmEvent.SectorPlotted.class)).isEmpty();
      assertThat(eventsOf(FarmEvent.SectorReused.class)).hasSize(SECTORS);
      assertThat(farm.readySectors()).isEqualTo(SECTORS);
      SlotReport after = new SlotAuditor(DEV, 1).farm(slot, List.of(farm), s -> {});
      assertThat(after.candidates()).isEqualTo(before.candidates());
      assertThat(after.solutions()).isEqualTo(before.solutions());
      for (ShardSolution s : after.solutions()) {
        SolutionCheck.check(s, slot, DevHistory.get());
      }
    }
    for (int i = 0; i < SECTORS; i++) {
      assertThat(Files.readAllBytes(dir.resolve("sector-" + i + ".plot"))).isEqualTo(plots.get(i));
    }
  }

  @Test
  void aCorruptPlotFileIsReportedAndReplotted() throws Exception {
    try (Farm farm = open()) {
      farm.sync();
    }
    Path plot = dir.resolve("sector-1.plot");
    byte[] original = Files.readAllBytes(plot);
    try (RandomAccessFile f = new RandomAccessFile(plot.toFile(), "rw")) {
      f.seek(original.length / 2);
      f.write(original[original.length / 2] ^ 0x40);
    }
    events.clear();
    try (Farm farm = open()) {
      farm.sync();
      List<FarmEvent.SectorCorrupt> corrupt = eventsOf(FarmEvent.SectorCorrupt.class);
      assertThat(corrupt).hasSize(1);
      assertThat(corrupt.getFirst().sector()).isEqualTo(new SectorIndex(1));
      assertThat(corrupt.getFirst().problem().region()).isEqualTo(SectorRegion.SECTOR_CHECKSUM);
      assertThat(eventsOf(FarmEvent.SectorPlotted.class))
          .singleElement()
          .satisfies(e -> assertThat(e.sector()).isEqualTo(new SectorIndex(1)));
      assertThat(farm.readySectors()).isEqualTo(SECTORS);
    }
    assertThat(Files.readAllBytes(plot)).isEqualTo(original);
  }

  @Test
  void damageWhileFarmingNeverYieldsASolution() throws Exception {
    try (Farm farm = open()) {
      farm.sync();
      // Zero the record chunks and record metadata of every sector behind the farm's back: audits
      // still find candidates, proving must refuse every one of them.
      for (int i = 0; i < SECTORS; i++) {
        Path plot = dir.resolve("sector-" + i + ".plot");
        long size = Files.size(plot);
        try (RandomAccessFile f = new RandomAccessFile(plot.toFile(), "rw")) {
          long from = DEV.maxPiecesInSector() * (DEV.sBuckets() / 8L) + 32;
          f.seek(from);
          byte[] junk = new byte[(int) (size - from)];
          for (int b = 0; b < junk.length; b++) {
            junk[b] = (byte) (b * 31 + 7);
          }
          f.write(junk);
        }
      }
      List<ShardSolution> sunk = new ArrayList<>();
      SolutionRange everything = SolutionRange.MAX;
      for (int n = 1; n <= 3; n++) {
        SlotReport r =
            new SlotAuditor(DEV, 1)
                .farm(
                    Slots.slot(n, everything, Slots.entropy(1), node.historySize()),
                    List.of(farm),
                    sunk::add);
        assertThat(r.solutions()).isEmpty();
      }
      assertThat(sunk).isEmpty();
      assertThat(eventsOf(FarmEvent.SectorCorrupt.class)).isNotEmpty();
      assertThat(farm.readySectors()).isLessThan(SECTORS);
      // The next sync replots the damaged sectors; they farm valid solutions again.
      farm.sync();
      assertThat(farm.readySectors()).isEqualTo(SECTORS);
      int valid = 0;
      for (int n = 1; n <= 3; n++) {
        SlotNotification slot = Slots.slot(n, everything, Slots.entropy(1), node.historySize());
        for (ShardSolution s :
            new SlotAuditor(DEV, 1).farm(slot, List.of(farm), x -> {}).solutions()) {
          SolutionCheck.check(s, slot, DevHistory.get());
          valid++;
        }
      }
      assertThat(valid).isPositive();
    }
  }

  @Test
  void aDirectoryOfAnotherIdentityIsRefused() throws Exception {
    try (Farm farm = open()) {
      farm.sync();
    }
    FarmerIdentity other = FarmerIdentity.devnet(1, DEV);
    assertThatThrownBy(() -> DirectorySectorStore.open(dir, DEV, other.publicKeyHash()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("farm.txt is for another farm")
        .hasMessageContaining(identity.publicKeyHash().toHex());
    assertThatThrownBy(
            () ->
                DirectorySectorStore.open(
                    dir, ProtocolParameters.PRODUCTION, identity.publicKeyHash()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("preset dev");
  }

  @Test
  void damagedMetadataIsReportedAndReplotted() throws Exception {
    try (Farm farm = open()) {
      farm.sync();
    }
    Path meta = dir.resolve("sector-2.meta");
    byte[] bytes = Files.readAllBytes(meta);
    bytes[5] ^= 1;
    Files.write(meta, bytes);
    events.clear();
    try (Farm farm = open()) {
      farm.sync();
      assertThat(eventsOf(FarmEvent.SectorCorrupt.class))
          .singleElement()
          .satisfies(e -> assertThat(e.problem().region()).isEqualTo(SectorRegion.SECTOR_METADATA));
      assertThat(eventsOf(FarmEvent.SectorPlotted.class)).hasSize(1);
      assertThat(eventsOf(FarmEvent.SectorReused.class)).hasSize(SECTORS - 1);
    }
  }
}
