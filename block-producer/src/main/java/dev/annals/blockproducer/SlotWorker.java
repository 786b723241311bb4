package dev.annals.blockproducer;

import dev.annals.consensus.shard.SolutionShard;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.Solution;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns farmers' solutions into blocks: routes each solution to the most senior shard its distance
 * allows (docs/SHARD-CHAINS.md §2), has that shard kind's producer build the block, asks the farmer
 * for the seal and hands the sealed block to import. At most one block per shard per slot: a
 * solution for a slot this worker already produced in (or passed) for that shard is declined.
 * Thread-safe; solutions of one slot may arrive from several farmers at once.
 */
public final class SlotWorker {
  private final ProtocolParameters params;
  private final Map<ShardKind, BlockProducer> producers = new EnumMap<>(ShardKind.class);
  private final Sealer sealer;
  private final Consumer<Block> importer;
  private final LongSupplier clockMillis;
  private final Map<ShardIndex, Long> lastProducedSlot = new HashMap<>();

  public SlotWorker(
      ProtocolParameters params,
      List<BlockProducer> producers,
      Sealer sealer,
      Consumer<Block> importer,
      LongSupplier clockMillis) {
    this.params = params;
    for (BlockProducer producer : producers) {
      if (this.producers.put(producer.kind(), producer) != null) {
        throw new IllegalArgumentException(
            "producers: two for shard kind " + producer.kind() + " (one per kind)");
      }
    }
    this.sealer = sealer;
    this.importer = importer;
    this.clockMillis = clockMillis;
  }

  /** Offers a solution found for {@code slot}, whose proof-of-time outputs are given. */
  public ProductionOutcome offer(
      Slot slot,
      Bytes proofOfTime,
      Bytes futureProofOfTime,
      Solution solution,
      SlotRouting routing) {
    Optional<ShardIndex> shard =
        SolutionShard.mostSenior(
            solution,
            slot,
            proofOfTime.toBytes(),
            routing.entropy(),
            routing.numShards(),
            routing.beaconRange(),
            params);
    if (shard.isEmpty()) {
      return ProductionOutcome.declined(
          ProductionOutcome.Status.NOT_IN_RANGE,
          "solution of " + solution.publicKeyHash() + " qualifies for no shard in slot " + slot);
    }
    return offer(new SlotClaim(slot, proofOfTime, futureProofOfTime, shard.get(), solution));
  }

  /** Builds, seals and imports the block of an already routed claim. */
  public ProductionOutcome offer(SlotClaim claim) {
    BlockProducer producer = producers.get(claim.shard().kind());
    if (producer == null) {
      return ProductionOutcome.declined(
          ProductionOutcome.Status.NO_PRODUCER, "no producer for " + claim.shard().kind());
    }
    synchronized (this) {
      Long last = lastProducedSlot.get(claim.shard());
      if (last != null && Long.compareUnsigned(claim.slot().value(), last) <= 0) {
        return ProductionOutcome.declined(
            ProductionOutcome.Status.SLOT_TAKEN,
            "shard "
                + claim.shard()
                + " already has a block of slot "
                + Long.toUnsignedString(last));
      }
      BlockDraft draft = producer.produce(claim, clockMillis.getAsLong());
      Optional<Seal> seal = sealer.seal(claim.solution().publicKeyHash(), draft.preSealHash());
      if (seal.isEmpty()) {
        return ProductionOutcome.declined(
            ProductionOutcome.Status.SEAL_REFUSED,
            "farmer " + claim.solution().publicKeyHash() + " returned no seal");
      }
      Block block;
      try {
        block = draft.seal(seal.get());
      } catch (IllegalArgumentException e) {
        return ProductionOutcome.declined(ProductionOutcome.Status.SEAL_REFUSED, e.getMessage());
      }
      lastProducedSlot.put(claim.shard(), claim.slot().value());
      importer.accept(block);
      return new ProductionOutcome(
          ProductionOutcome.Status.PRODUCED,
          Optional.of(block),
          "block " + block.header().prefix().number() + " of shard " + claim.shard());
    }
  }
}
