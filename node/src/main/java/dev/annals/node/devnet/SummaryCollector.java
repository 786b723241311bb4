package dev.annals.node.devnet;

import dev.annals.farmer.Farmer;
import dev.annals.farmer.SlotNotification;
import dev.annals.node.chain.NodeChain;
import dev.annals.node.chain.PotOutputs;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects a {@link DevnetSummary} from the running parts: heads and segments from storage, blocks
 * imported and rejected from the producer, super segments, which leaf shards each identity farms
 * under the current slot's terms, replots and leaf-segment landing times.
 */
final class SummaryCollector {
  private final ProtocolParameters params;
  private final NodeChain chain;
  private final PotOutputs pot;
  private final PotClockGate gate;
  private final SlotAnnouncer announcer;
  private final SlotTerms terms;
  private final BlockProduction production;
  private final Farmer farmer;
  private final LeafLandingClock landing;

  SummaryCollector(
      ProtocolParameters params,
      NodeChain chain,
      PotOutputs pot,
      PotClockGate gate,
      SlotAnnouncer announcer,
      SlotTerms terms,
      BlockProduction production,
      Farmer farmer,
      LeafLandingClock landing) {
    this.params = params;
    this.chain = chain;
    this.pot = pot;
    this.gate = gate;
    this.announcer = announcer;
    this.terms = terms;
    this.production = production;
    this.farmer = farmer;
    this.landing = landing;
  }

  /** A consistent-enough snapshot (each figure read once; import may move on meanwhile). */
  DevnetSummary collect() {
    ChainStorage storage = chain.storage();
    List<ShardSummary> shards = new ArrayList<>();
    for (ShardIndex shard : chain.shards().stream().sorted().toList()) {
      ChainHead head = chain.bestHead(shard);
      shards.add(
          new ShardSummary(
              shard,
              head.number().value(),
              production.imported(shard),
              storage.segmentCount(shard)));
    }
    Optional<SuperSegmentHeader> last = storage.lastSuperSegmentHeader();
    long superSegments = last.map(h -> h.index().value() + 1).orElse(0L);
    long globalPieces =
        last.map(h -> (h.maxSegmentIndex().value() + 1) * params.piecesPerSegment()).orElse(0L);
    long slot = gate.announcedSlot();
    Map<Hash, Set<ShardIndex>> byIdentity = Map.of();
    Optional<Slot> farmed = announcer.farmedSlot();
    if (farmed.isPresent()) {
      Optional<Bytes> output = pot.output(farmed.get());
      if (output.isPresent()) {
        SlotNotification n = terms.at(farmed.get(), output.get());
        byIdentity = farmer.leafShards(n.membershipEntropy(), n.numShards());
      }
    }
    return new DevnetSummary(
        slot,
        shards,
        superSegments,
        globalPieces,
        byIdentity,
        production.rejected(),
        farmer.replots(),
        landing.meanMillis(),
        landing.landed());
  }
}
