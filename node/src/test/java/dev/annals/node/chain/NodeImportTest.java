package dev.annals.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.merkle.MerkleMountainRange;
import dev.annals.node.storage.ChainHead;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BlockHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks of every shard kind produced by the real producers over {@link NodeChainSource} and
 * imported by {@link BlockImporter} on RocksDB, devnet chain spec (2 intermediate × 2 leaf shards).
 * Solutions carry real shard membership reveals and seals; the solution check accepts every
 * solution (see {@link Farmers} for where solutions are verified).
 */
class NodeImportTest {
  @TempDir Path dir;

  /** The MMR root over a chain's block roots from genesis through {@code root}, walked naively. */
  private static Hash naiveMmrRoot(ImportTestNode node, Hash root) {
    List<Hash> roots = new ArrayList<>();
    Hash at = root;
    while (true) {
      roots.add(at);
      BlockHeader header = node.storage.header(at).orElseThrow();
      if (header.prefix().number().value() == 0) {
        break;
      }
      at = header.prefix().parentRoot();
    }
    Collections.reverse(roots);
    MerkleMountainRange mmr = new MerkleMountainRange();
    roots.forEach(r -> mmr.append(r.toBytes()));
    return Hash.wrap(mmr.root());
  }

  @Test
  void everyShardKindProducesArchivesAndReportsUpToSuperSegments() {
    TestNetwork network = new TestNetwork(dir);
    try (ImportTestNode node = network.node("a")) {
      for (long slot = 1; slot <= 36; slot++) {
        network.slot(node, slot);
      }
      for (ShardIndex shard : node.chain.shards()) {
        ChainHead head = node.best(shard);
        assertThat(head.number().value()).as("shard %s", shard).isEqualTo(36);
        assertThat(node.source.tip(shard).mmrRootThroughTip())
            .isEqualTo(naiveMmrRoot(node, head.root()));
        assertThat(node.storage.segmentCount(shard)).as("segments of %s", shard).isPositive();
      }
      assertThat(node.storage.lastSuperSegmentHeader().orElseThrow().index().value()).isPositive();
      // Beacon block 30 injected entropy into the proof of time (slot 34); a clock started now
      // continues the chain the network proved.
      assertThat(TestNetwork.bestChain(node, ShardIndex.BEACON))
          .anyMatch(
              b ->
                  ((BeaconBlockHeader) b.header())
                      .consensusParameters()
                      .potParametersChange()
                      .isPresent());
      long next = node.chain.pot().latestSlot() + 1;
      assertThat(node.chain.nextClockInput()).isEqualTo(network.pot.slot(next).input());
      // A leaf shard's first segment travelled leaf -> intermediate -> beacon -> super segment.
      for (ShardIndex leaf : TestNetwork.leaves()) {
        assertThat(node.storage.globalIndex(leaf, LocalSegmentIndex.ZERO))
            .as("leaf %s", leaf)
            .isPresent();
      }
    }
  }

  @Test
  void restartResumesWithTheSameBestChainsAndKeepsImporting() {
    TestNetwork network = new TestNetwork(dir);
    ImportTestNode node = network.node("a");
    for (long slot = 1; slot <= 14; slot++) {
      network.slot(node, slot);
    }
    Map<ShardIndex, ChainHead> heads = new LinkedHashMap<>();
    Map<ShardIndex, Long> segments = new LinkedHashMap<>();
    for (ShardIndex shard : node.chain.shards()) {
      heads.put(shard, node.best(shard));
      segments.put(shard, node.storage.segmentCount(shard));
    }
    var contents = TestNetwork.contents(node);
    node.close();
    node.open();
    try (node) {
      assertThat(TestNetwork.contents(node)).isEqualTo(contents);
      for (ShardIndex shard : node.chain.shards()) {
        assertThat(node.best(shard)).isEqualTo(heads.get(shard));
      }
      // The proof-of-time store was refilled from the beacon bodies: a leaf block of a slot the
      // beacon chain already carries imports without the clock.
      long delay = node.params.blockAuthoringDelaySlots();
      assertThat(node.chain.pot().latestSlot()).isEqualTo(14 + delay);
      // A slot clock started now continues the network's proof-of-time chain.
      assertThat(node.chain.nextClockInput()).isEqualTo(network.pot.slot(15 + delay).input());
      for (long slot = 15; slot <= 24; slot++) {
        network.slot(node, slot);
      }
      for (ShardIndex shard : node.chain.shards()) {
        assertThat(node.best(shard).number().value()).isEqualTo(24);
        assertThat(node.storage.segmentCount(shard)).isGreaterThanOrEqualTo(segments.get(shard));
      }
      // The same network run without a restart stores exactly the same data: no segment lost or
      // duplicated, the same roots, the same archiver states.
      TestNetwork straight = new TestNetwork(dir.resolve("straight"));
      try (ImportTestNode other = straight.node("b")) {
        for (long slot = 1; slot <= 24; slot++) {
          straight.slot(other, slot);
        }
        assertThat(TestNetwork.contents(node)).isEqualTo(TestNetwork.contents(other));
      }
    }
  }
}
