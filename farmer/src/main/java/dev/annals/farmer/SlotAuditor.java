package dev.annals.farmer;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.sector.AuditCandidate;
import dev.annals.consensus.sector.CorruptSectorException;
import dev.annals.consensus.sector.FillerChunkException;
import dev.annals.consensus.sector.SectorAuditor;
import dev.annals.consensus.sector.SectorProver;
import dev.annals.consensus.sector.SectorSolution;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Farms one slot: audits every sector of every farm that passes the verifier's history-size rules
 * at the slot's history size (not plotted later, not expired: {@link SectorLifetime}) against the
 * widest range a solution could use (see {@link ShardEligibility}), then proves candidates nearest
 * first across all farms. A candidate is proved only if it would give a shard this slot has no
 * solution for yet, so each shard gets this farmer's best solution and no proving is wasted on
 * worse ones. Filler chunks are skipped; a sector the prover finds damaged is taken out of farming
 * and reported, and never yields a solution.
 */
public final class SlotAuditor {
  private static final int PARALLEL_AUDIT_THRESHOLD = 64;

  private final int parallelThreshold;

  private final SectorAuditor auditor;
  private final SectorProver prover;

  public SlotAuditor(ProtocolParameters params, int provingThreads) {
    this(params, provingThreads, PARALLEL_AUDIT_THRESHOLD);
  }

  /** {@code parallelThreshold}: the sector count from which audits run in parallel. */
  SlotAuditor(ProtocolParameters params, int provingThreads, int parallelThreshold) {
    this.parallelThreshold = parallelThreshold;
    this.auditor = new SectorAuditor(params);
    this.prover = new SectorProver(params, provingThreads);
  }

  private record Candidate(
      Farm farm, FarmSector sector, ShardAssignment assignment, AuditCandidate chunk) {}

  private record Damage(Farm farm, FarmSector sector, CorruptSectorException problem) {}

  public SlotReport farm(SlotNotification slot, List<Farm> farms, SolutionSink sink) {
    Hash challenge = slot.globalChallenge();
    SolutionRange widest = ShardEligibility.widest(slot.solutionRanges(), slot.numShards());
    List<Candidate> candidates = new ArrayList<>();
    List<Damage> damaged = new ArrayList<>();
    List<ShardSolution> solutions = new ArrayList<>();
    int sectors = 0;
    int skipped = 0;
    int fillers = 0;
    int proved = 0;
    long auditStart = System.nanoTime();
    long auditNanos;
    List<Farm> locked = new ArrayList<>(farms.size());
    for (Farm farm : farms) {
      // Outside the read lock: learning an expiration swaps the sector under the write lock.
      farm.prepareAudit(slot.historySize());
    }
    try {
      List<Farm> owners = new ArrayList<>();
      List<FarmSector> all = new ArrayList<>();
      List<FarmSector> farming = new ArrayList<>();
      for (Farm farm : farms) {
        farming.clear();
        skipped += farm.beginAudit(slot.historySize(), farming);
        locked.add(farm);
        for (FarmSector sector : farming) {
          owners.add(farm);
          all.add(sector);
        }
      }
      sectors = all.size();
      // Each audit reads one s-bucket; in parallel only when there are enough sectors to pay for
      // the hand-off (production farms, slow disks).
      Object[] found = new Object[sectors];
      IntStream indices = IntStream.range(0, sectors);
      if (sectors >= parallelThreshold) {
        indices = indices.parallel();
      }
      indices.forEach(
          i -> {
            FarmSector sector = all.get(i);
            try {
              found[i] =
                  auditor.audit(
                      sector.data(),
                      sector.metadata(),
                      sector.sectorId(),
                      challenge,
                      widest.value());
            } catch (CorruptSectorException e) {
              found[i] = e;
            }
          });
      Map<Farm, Map<HistorySize, ShardAssignment>> assignments = new HashMap<>();
      for (int i = 0; i < sectors; i++) {
        Farm farm = owners.get(i);
        FarmSector sector = all.get(i);
        if (found[i] instanceof CorruptSectorException e) {
          damaged.add(new Damage(farm, sector, e));
          continue;
        }
        @SuppressWarnings("unchecked")
        List<AuditCandidate> chunks = (List<AuditCandidate>) found[i];
        if (chunks.isEmpty()) {
          continue;
        }
        ShardAssignment assignment =
            assignments
                .computeIfAbsent(farm, f -> new HashMap<>())
                .computeIfAbsent(
                    sector.historySize(),
                    h -> farm.identity().assignment(h, slot.membershipEntropy(), slot.numShards()));
        for (AuditCandidate c : chunks) {
          candidates.add(new Candidate(farm, sector, assignment, c));
        }
      }
      auditNanos = System.nanoTime() - auditStart;
      candidates.sort((a, b) -> Long.compareUnsigned(a.chunk().distance(), b.chunk().distance()));

      Set<ShardIndex> covered = new HashSet<>();
      for (Candidate c : candidates) {
        List<ShardIndex> shards =
            new ArrayList<>(
                ShardEligibility.shards(
                    c.chunk().distance(),
                    slot.solutionRanges(),
                    slot.numShards(),
                    c.assignment().leafShard()));
        shards.removeAll(covered);
        if (shards.isEmpty()) {
          continue;
        }
        FarmSector sector = c.sector();
        if (sector.provable() != null && !sector.provable().canWin(sector.metadata(), c.chunk())) {
          fillers++;
          continue;
        }
        SectorSolution sectorSolution;
        try {
          sectorSolution =
              prover.prove(sector.data(), sector.metadata(), sector.sectorId(), c.chunk());
        } catch (FillerChunkException e) {
          fillers++;
          continue;
        } catch (CorruptSectorException e) {
          damaged.add(new Damage(c.farm(), sector, e));
          continue;
        }
        proved++;
        FarmerIdentity identity = c.farm().identity();
        Solution solution =
            sectorSolution.toSolution(
                identity.publicKeyHash(),
                identity.reveal(sector.historySize(), c.assignment().commitmentIndex()),
                sector.historySize(),
                sector.index());
        for (ShardIndex shard : shards) {
          solutions.add(new ShardSolution(slot.slot(), shard, solution, c.chunk().distance()));
          covered.add(shard);
        }
      }
    } finally {
      for (Farm farm : locked) {
        farm.endAudit();
      }
    }
    long proveNanos = System.nanoTime() - auditStart - auditNanos;
    for (Damage d : damaged) {
      d.farm().markCorrupt(d.sector(), d.problem());
    }
    for (ShardSolution s : solutions) {
      sink.accept(s);
    }
    return new SlotReport(
        slot.slot(),
        sectors,
        skipped,
        candidates.size(),
        fillers,
        proved,
        List.copyOf(solutions),
        auditNanos,
        proveNanos);
  }
}
