package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.seal.SealVerifier;
import dev.annals.consensus.sector.AuditCandidate;
import dev.annals.consensus.sector.FillerChunkException;
import dev.annals.consensus.sector.SectorAuditor;
import dev.annals.consensus.sector.SectorProver;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardMembershipException;
import dev.annals.consensus.shard.ShardMembershipVerifier;
import dev.annals.primitives.Hash;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.block.Seal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A devnet-sized farmer: 4 identities × 6 in-memory sectors, real plots, real proofs of space. */
class FarmingTest {
  static final int IDENTITIES = 4;
  static final int SECTORS = 6;
  static final int HISTORY = 12;

  static TestNode node;
  static Farmer farmer;
  static final List<FarmEvent> events = new ArrayList<>();
  static final List<ShardSolution> sunk = new ArrayList<>();
  static long plottingNanos;

  @BeforeAll
  static void plot() {
    node = new TestNode(HISTORY);
    List<Farm> farms;
    try {
      farms = DevnetFarms.create(DevHistory.DEV, node, IDENTITIES, SECTORS, null, 2, events::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    farmer = new Farmer(DevHistory.DEV, node, farms, sunk::add, 1, r -> {});
    long start = System.nanoTime();
    farmer.syncFarms();
    plottingNanos = System.nanoTime() - start;
    System.out.printf(
        "farmer: plotted %d dev sectors in %.0f ms (%.1f ms per sector)%n",
        IDENTITIES * SECTORS, plottingNanos / 1e6, plottingNanos / 1e6 / (IDENTITIES * SECTORS));
  }

  @AfterAll
  static void close() throws Exception {
    farmer.close();
  }

  static long totalPieces() {
    return (long) IDENTITIES * SECTORS * DevHistory.DEV.maxPiecesInSector();
  }

  @Test
  void everySectorIsPlottedOnce() {
    List<FarmEvent.SectorPlotted> plotted =
        events.stream()
            .filter(FarmEvent.SectorPlotted.class::isInstance)
            .map(FarmEvent.SectorPlotted.class::cast)
            .toList();
    assertThat(plotted).hasSize(IDENTITIES * SECTORS);
    assertThat(plotted).allMatch(e -> !e.replot() && e.historySize().segments() == HISTORY);
    assertThat(events).allMatch(FarmEvent.SectorPlotted.class::isInstance);
    for (Farm farm : farmer.farms()) {
      assertThat(farm.readySectors()).isEqualTo(SECTORS);
    }
  }

  @Test
  void solutionsOfManySlotsPassAnIndependentCheck() throws Exception {
    // 32× the calibrated range, so a test of 30 slots sees dozens of solutions.
    SolutionRange range = SolutionRange.fromPieces(totalPieces() / 32, DevHistory.DEV);
    MembershipEntropy entropy = Slots.entropy(1);
    int solutions = 0;
    Set<ShardKind> kinds = new HashSet<>();
    for (int n = 1; n <= 30; n++) {
      SlotNotification slot = Slots.slot(n, range, entropy, node.historySize());
      SlotReport report = farmer.farmSlot(slot);
      assertThat(report.sectors()).isEqualTo(IDENTITIES * SECTORS);
      assertThat(report.proved() + report.fillers()).isLessThanOrEqualTo(report.candidates());
      Set<ShardIndex> shards = new HashSet<>();
      for (ShardSolution s : report.solutions()) {
        assertThat(s.slot()).isEqualTo(slot.slot());
        assertThat(shards.add(s.shard())).as("one solution per shard per slot").isTrue();
        SolutionCheck.check(s, slot, DevHistory.get());
        kinds.add(s.shard().kind());
      }
      solutions += report.solutions().size();
    }
    assertThat(solutions).isPositive();
    assertThat(kinds).contains(ShardKind.LEAF);
  }

  @Test
  void figuresAtTheCalibratedRange() {
    int slots = Integer.parseInt(System.getenv().getOrDefault("FARMER_FIGURE_SLOTS", "200"));
    // The calibrated range for the farm's pieces, then 16× wider (what a devnet needs, see
    // docs/farmer.md).
    for (long divisor : new long[] {1, 16}) {
      SolutionRange range = SolutionRange.fromPieces(totalPieces() / divisor, DevHistory.DEV);
      MembershipEntropy entropy = Slots.entropy(2);
      long candidates = 0;
      long fillers = 0;
      long proved = 0;
      long auditNanos = 0;
      long proveNanos = 0;
      long[] perKind = new long[3];
      for (int n = 1000; n < 1000 + slots; n++) {
        SlotReport r = farmer.farmSlot(Slots.slot(n, range, entropy, node.historySize()));
        candidates += r.candidates();
        fillers += r.fillers();
        proved += r.proved();
        auditNanos += r.auditNanos();
        proveNanos += r.proveNanos();
        for (ShardSolution s : r.solutions()) {
          perKind[s.shard().kind().ordinal()]++;
        }
      }
      System.out.printf(
          "farmer: %d sectors (%d pieces), range fromPieces(%d), %d slots: candidates %.2f/slot,"
              + " fillers %.2f/slot, proved %.3f/slot, solutions per slot beacon %.3f"
              + " intermediate %.3f leaf %.3f; audit %.3f ms/slot, proving %.2f ms/slot%n",
          IDENTITIES * SECTORS,
          totalPieces(),
          totalPieces() / divisor,
          slots,
          candidates / (double) slots,
          fillers / (double) slots,
          proved / (double) slots,
          perKind[0] / (double) slots,
          perKind[1] / (double) slots,
          perKind[2] / (double) slots,
          auditNanos / 1e6 / slots,
          proveNanos / 1e6 / slots);
      assertThat(candidates).isPositive();
      assertThat(proved + fillers).isLessThanOrEqualTo(candidates);
    }
  }

  @Test
  void identitiesFarmDifferentLeafShardsAndRotate() {
    Map<Hash, Set<ShardIndex>> first =
        farmer.leafShards(Slots.entropy(1), DevHistory.DEV.numShards());
    Set<ShardIndex> union = new HashSet<>();
    first.values().forEach(union::addAll);
    assertThat(first).hasSize(IDENTITIES);
    assertThat(union).as("identities spread over leaf shards").hasSizeGreaterThan(1);
    Map<Hash, Set<ShardIndex>> moved = new HashMap<>();
    for (int e = 2; e <= 8; e++) {
      Map<Hash, Set<ShardIndex>> next =
          farmer.leafShards(Slots.entropy(e), DevHistory.DEV.numShards());
      next.forEach(
          (id, shards) -> {
            if (!shards.equals(first.get(id))) {
              moved.put(id, shards);
            }
          });
    }
    assertThat(moved.keySet()).as("every identity rotates").hasSize(IDENTITIES);
    for (Set<ShardIndex> shards : first.values()) {
      assertThat(shards).allMatch(s -> s.kind() == ShardKind.LEAF);
    }
  }

  @Test
  void leafSolutionsFollowTheRotation() throws Exception {
    SolutionRange range = SolutionRange.fromPieces(totalPieces() / 32, DevHistory.DEV);
    NumShards numShards = DevHistory.DEV.numShards();
    MembershipEntropy before = Slots.entropy(1);
    MembershipEntropy after = Slots.entropy(3);
    int rotated = 0;
    for (int n = 500; n < 520; n++) {
      for (MembershipEntropy entropy : List.of(before, after)) {
        SlotNotification slot = Slots.slot(n, range, entropy, node.historySize());
        Map<Hash, Set<ShardIndex>> leaves = farmer.leafShards(entropy, numShards);
        for (ShardSolution s : farmer.farmSlot(slot).solutions()) {
          if (s.shard().kind() != ShardKind.LEAF) {
            continue;
          }
          assertThat(leaves.get(s.solution().publicKeyHash())).contains(s.shard());
          SolutionCheck.check(s, slot, DevHistory.get());
          MembershipEntropy other = entropy == before ? after : before;
          ShardIndex otherLeaf =
              farmer.farms().stream()
                  .filter(f -> f.identity().publicKeyHash().equals(s.solution().publicKeyHash()))
                  .findFirst()
                  .orElseThrow()
                  .identity()
                  .assignment(s.solution().historySize(), other, numShards)
                  .leafShard();
          if (!otherLeaf.equals(s.shard())) {
            // Under the other rotation the same solution belongs elsewhere and is refused here.
            assertThatThrownBy(
                    () ->
                        new ShardMembershipVerifier(DevHistory.DEV)
                            .verify(s.solution(), s.shard(), other, numShards))
                .isInstanceOf(ShardMembershipException.class)
                .hasMessageContaining("SOLUTION_SHARD_NOT_BLOCK_SHARD");
            rotated++;
          }
        }
      }
    }
    assertThat(rotated).isPositive();
  }

  @Test
  void parallelAuditGivesTheSameSlots() {
    SlotAuditor sequential = new SlotAuditor(DevHistory.DEV, 1, Integer.MAX_VALUE);
    SlotAuditor parallel = new SlotAuditor(DevHistory.DEV, 1, 1);
    SolutionRange range = SolutionRange.fromPieces(totalPieces() / 8, DevHistory.DEV);
    int candidates = 0;
    for (int n = 700; n < 710; n++) {
      SlotNotification slot = Slots.slot(n, range, Slots.entropy(1), node.historySize());
      SlotReport a = sequential.farm(slot, farmer.farms(), s -> {});
      SlotReport b = parallel.farm(slot, farmer.farms(), s -> {});
      assertThat(b.candidates()).isEqualTo(a.candidates());
      assertThat(b.fillers()).isEqualTo(a.fillers());
      assertThat(b.solutions()).isEqualTo(a.solutions());
      candidates += a.candidates();
    }
    assertThat(candidates).isPositive();
  }

  @Test
  void provableMapAgreesWithTheProver() {
    SectorAuditor auditor = new SectorAuditor(DevHistory.DEV);
    SectorProver prover = new SectorProver(DevHistory.DEV, 1);
    int winners = 0;
    int fillers = 0;
    for (Farm farm : farmer.farms().subList(0, 2)) {
      for (FarmSector sector : farm.sectors().subList(0, 2)) {
        assertThat(sector.provable()).isNotNull();
        for (int n = 0; n < 3; n++) {
          Hash challenge =
              Slots.slot(900 + n, SolutionRange.MAX, Slots.entropy(1), node.historySize())
                  .globalChallenge();
          for (AuditCandidate c :
              auditor.audit(sector.data(), sector.metadata(), sector.sectorId(), challenge, -1L)) {
            boolean proved;
            try {
              prover.prove(sector.data(), sector.metadata(), sector.sectorId(), c);
              proved = true;
            } catch (FillerChunkException e) {
              proved = false;
            }
            assertThat(sector.provable().canWin(sector.metadata(), c)).isEqualTo(proved);
            if (proved) {
              winners++;
            } else {
              fillers++;
            }
          }
        }
      }
    }
    assertThat(winners).isPositive();
    assertThat(fillers).isPositive();
  }

  @Test
  void sealsForTheIdentityThatWon() {
    Hash preSeal = Hash.blake3("header".getBytes());
    Hash owner = farmer.farms().get(2).identity().publicKeyHash();
    Seal seal = farmer.seal(owner, preSeal);
    assertThat(seal.publicKeyHash()).isEqualTo(owner);
    assertThat(SealVerifier.verify(seal, preSeal)).isTrue();
    assertThat(SealVerifier.verify(seal, Hash.blake3("other".getBytes()))).isFalse();
    assertThatThrownBy(() -> farmer.seal(Hash.ZERO, preSeal))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no identity");
  }
}
