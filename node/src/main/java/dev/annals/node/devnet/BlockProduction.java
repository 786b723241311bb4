package dev.annals.node.devnet;

import dev.annals.blockproducer.BeaconBlockProducer;
import dev.annals.blockproducer.BlockBuilder;
import dev.annals.blockproducer.IntermediateBlockProducer;
import dev.annals.blockproducer.LeafBlockProducer;
import dev.annals.blockproducer.ProductionOutcome;
import dev.annals.blockproducer.SlotClaim;
import dev.annals.blockproducer.SlotWorker;
import dev.annals.farmer.Farmer;
import dev.annals.farmer.ShardEligibility;
import dev.annals.farmer.ShardSolution;
import dev.annals.farmer.SlotNotification;
import dev.annals.node.chain.BlockImporter;
import dev.annals.node.chain.ImportResult;
import dev.annals.node.chain.NodeChain;
import dev.annals.node.chain.NodeChainSource;
import dev.annals.node.chain.PotOutputs;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The devnet's block production step, on its single producer thread: takes a farmer's solution,
 * checks under the chain lock that the terms it was found under still hold for the block it would
 * seal (the best beacon block may have moved since the slot was announced), and has the {@link
 * SlotWorker} build, seal and import it; also retries held-back imports and counts what import did
 * with every block.
 */
final class BlockProduction {
  /** Child blocks of one shard one body carries at most. */
  private static final int MAX_CHILD_BLOCKS = 16;

  private final ProtocolParameters params;
  private final NodeChain chain;
  private final PotOutputs pot;
  private final BlockImporter importer;
  private final PotClockGate gate;
  private final SlotTerms terms;
  private final AnnouncedSlots announced;
  private final Farmer farmer;
  private final LeafLandingClock landing;
  private final Consumer<String> log;
  private final SlotWorker worker;
  private final ExecutorService thread;
  private final Map<ShardIndex, AtomicLong> imported = new LinkedHashMap<>();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong staleSolutions = new AtomicLong();
  private volatile boolean stopped;

  BlockProduction(
      ProtocolParameters params,
      NodeChain chain,
      PotOutputs pot,
      BlockImporter importer,
      PotClockGate gate,
      SlotTerms terms,
      AnnouncedSlots announced,
      Farmer farmer,
      LeafLandingClock landing,
      Consumer<String> log) {
    this.params = params;
    this.chain = chain;
    this.pot = pot;
    this.importer = importer;
    this.gate = gate;
    this.terms = terms;
    this.announced = announced;
    this.farmer = farmer;
    this.landing = landing;
    this.log = log;
    for (ShardIndex shard : chain.shards()) {
      imported.put(shard, new AtomicLong());
    }
    NodeChainSource source = new NodeChainSource(chain, MAX_CHILD_BLOCKS);
    BlockBuilder builder = new BlockBuilder(params);
    this.worker =
        new SlotWorker(
            params,
            List.of(
                new BeaconBlockProducer(builder, source, source),
                new IntermediateBlockProducer(builder, source, source),
                new LeafBlockProducer(builder, source, source, 16 * 1024)),
            (owner, preSealHash) -> {
              try {
                return Optional.of(farmer.seal(owner, preSealHash));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            },
            this::importProduced,
            System::currentTimeMillis);
    this.thread =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("devnet-producer").factory());
  }

  /** On the farmer's thread: production happens on the producer thread. */
  void onSolution(ShardSolution solution) {
    if (stopped) {
      return;
    }
    thread.execute(() -> produce(solution));
  }

  /** Retries held-back imports on the producer thread if there are any. */
  void retryPendingLater() {
    if (importer.pendingCount() > 0) {
      thread.execute(this::retryPending);
    }
  }

  private void produce(ShardSolution solution) {
    if (stopped) {
      return;
    }
    Slot slot = solution.slot();
    Optional<Bytes> proofOfTime = pot.output(slot);
    Optional<Bytes> future = pot.output(new Slot(slot.value() + params.blockAuthoringDelaySlots()));
    if (proofOfTime.isEmpty() || future.isEmpty()) {
      return;
    }
    SlotClaim claim =
        new SlotClaim(slot, proofOfTime.get(), future.get(), solution.shard(), solution.solution());
    Optional<SlotNotification> farmedAs = announced.get(slot);
    try {
      ProductionOutcome outcome;
      synchronized (chain.lock()) {
        if (!stillUsable(solution, farmedAs, terms.at(slot, proofOfTime.get()))) {
          staleSolutions.incrementAndGet();
          return;
        }
        outcome = worker.offer(claim);
      }
      if (outcome.status() != ProductionOutcome.Status.PRODUCED
          && outcome.status() != ProductionOutcome.Status.SLOT_TAKEN) {
        log.accept("production declined: " + outcome.detail());
      }
    } catch (RuntimeException e) {
      rejected.incrementAndGet();
      log.accept("production of shard " + claim.shard() + " at slot " + slot + " failed: " + e);
    }
  }

  /**
   * The best beacon block may have moved since the slot was announced: a solution found under other
   * membership terms would be rejected, and so would one outside the range its block is now judged
   * by (a retarget in between) or whose sector has expired at the new history size, so it is not
   * used.
   */
  private boolean stillUsable(
      ShardSolution solution, Optional<SlotNotification> farmedAs, SlotNotification now) {
    if (farmedAs.isEmpty()
        || !now.membershipEntropy().equals(farmedAs.get().membershipEntropy())
        || !now.numShards().equals(farmedAs.get().numShards())) {
      return false;
    }
    if (!ShardEligibility.qualifies(
        solution.distance(), solution.shard(), now.solutionRanges(), now.numShards())) {
      log.accept(
          "solution of slot "
              + solution.slot()
              + " for shard "
              + solution.shard()
              + " not used: out of the range its block is judged by after beacon block"
              + " changes ("
              + now.solutionRanges()
              + ")");
      return false;
    }
    if (!now.historySize().equals(farmedAs.get().historySize())
        && !farmer.usableAt(solution.solution(), now.historySize())) {
      log.accept(
          "solution of slot "
              + solution.slot()
              + " for shard "
              + solution.shard()
              + " not used: its sector (history size "
              + solution.solution().historySize()
              + ") expired as history grew from "
              + farmedAs.get().historySize()
              + " to "
              + now.historySize());
      return false;
    }
    return true;
  }

  /** The slot worker's import hand-off. */
  private void importProduced(Block block) {
    gate.importBlock(block).ifPresent(this::account);
  }

  private void retryPending() {
    synchronized (chain.lock()) {
      importer.retryPending().forEach(this::account);
    }
  }

  private void account(ImportResult result) {
    switch (result.status()) {
      case IMPORTED_BEST, IMPORTED_SIDE -> {
        imported.get(result.shard()).incrementAndGet();
        landing.afterImport(result.shard());
      }
      case REJECTED, REFUSED -> {
        rejected.incrementAndGet();
        log.accept("import: " + result);
      }
      case HELD_BACK -> log.accept("import: " + result);
      case ALREADY_KNOWN -> {}
    }
    result.released().forEach(this::account);
  }

  /** Blocks imported this run in {@code shard}. */
  long imported(ShardIndex shard) {
    return imported.get(shard).get();
  }

  /** Blocks this run produced that import rejected or refused, and failed productions. */
  long rejected() {
    return rejected.get();
  }

  /** Solutions not used because the best beacon block changed the terms they were found under. */
  long staleSolutions() {
    return staleSolutions.get();
  }

  /** Takes no more solutions: queued ones are skipped, the block in hand is finished. */
  void stop() {
    stopped = true;
  }

  /** Stops and waits for the producer thread (after the block in hand). */
  void close() {
    stopped = true;
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
