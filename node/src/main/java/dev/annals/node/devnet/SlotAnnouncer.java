package dev.annals.node.devnet;

import dev.annals.consensus.pot.PotSlot;
import dev.annals.farmer.Farmer;
import dev.annals.farmer.SlotNotification;
import dev.annals.node.chain.PotOutputs;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The slot clock's listener: for every proven slot {@code t} it records the output ({@link
 * PotClockGate}), submits the transaction load, and announces slot {@code t − block authoring
 * delay} to the farmer with the terms its blocks are judged by ({@link SlotTerms}): a block of a
 * slot needs the output of the slot the delay later as its future proof of time.
 */
final class SlotAnnouncer {
  private final ProtocolParameters params;
  private final PotOutputs pot;
  private final PotClockGate gate;
  private final TransactionLoad load;
  private final SlotTerms terms;
  private final AnnouncedSlots announced;
  private final EmbeddedNodeView view;
  private final Farmer farmer;
  private final BlockProduction production;
  private final AtomicLong published = new AtomicLong();
  private final Map<Hash, Set<ShardIndex>> farmedShards = new ConcurrentHashMap<>();

  SlotAnnouncer(
      ProtocolParameters params,
      PotOutputs pot,
      PotClockGate gate,
      TransactionLoad load,
      SlotTerms terms,
      AnnouncedSlots announced,
      EmbeddedNodeView view,
      Farmer farmer,
      BlockProduction production) {
    this.params = params;
    this.pot = pot;
    this.gate = gate;
    this.load = load;
    this.terms = terms;
    this.announced = announced;
    this.view = view;
    this.farmer = farmer;
    this.production = production;
  }

  /** On the slot clock's thread. */
  void onPotSlot(PotSlot slot) {
    gate.proven(slot);
    load.submitSlot();
    Optional<Slot> farmed = farmedSlot();
    if (farmed.isEmpty()) {
      return;
    }
    Optional<Bytes> output = pot.output(farmed.get());
    if (output.isEmpty()) {
      return;
    }
    SlotNotification notification = terms.at(farmed.get(), output.get());
    announced.add(notification);
    published.incrementAndGet();
    view.publish(notification);
    farmer
        .leafShards(notification.membershipEntropy(), notification.numShards())
        .forEach(
            (owner, shards) ->
                farmedShards
                    .computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet())
                    .addAll(shards));
    production.retryPendingLater();
  }

  /** The slot announced for the newest proven one, if any yet. */
  Optional<Slot> farmedSlot() {
    long farmed = gate.announcedSlot() - params.blockAuthoringDelaySlots();
    return farmed < 1 ? Optional.empty() : Optional.of(new Slot(farmed));
  }

  /** Slots announced to the farmer. */
  long published() {
    return published.get();
  }

  /** Every leaf shard each identity has farmed during this run, by public key hash. */
  Map<Hash, Set<ShardIndex>> leafShardsFarmedSoFar() {
    Map<Hash, Set<ShardIndex>> out = new LinkedHashMap<>();
    farmedShards.forEach((k, v) -> out.put(k, new TreeSet<>(v)));
    return out;
  }
}
