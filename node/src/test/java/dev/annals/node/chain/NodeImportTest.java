package dev.annals.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.pot.PotSeeds;
import dev.annals.consensus.solution.SolutionCheck;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.kernel.merkle.MerkleMountainRange;
import dev.annals.node.chain.ImportResult.Status;
import dev.annals.node.storage.ChainHead;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BlockHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks of every shard kind produced by the real producers over {@link NodeChainSource} and
 * imported by {@link BlockImporter} on RocksDB, devnet chain spec (2 intermediate × 2 leaf shards).
 * Solutions carry real shard membership reveals and seals; the solution check accepts every
 * solution (see {@link Farmers} for where solutions are verified).
 */
class NodeImportTest {
  static final ChainSpec SPEC = ChainSpecs.builtIn("devnet");
  static final SolutionCheck ACCEPT_ALL_SOLUTIONS = (solution, context) -> {};

  @TempDir Path dir;

  private final Farmers farmers = new Farmers(SPEC.parameters(), 48);
  private final PotChain pot =
      new PotChain(
          PotSeeds.genesis(
              new GenesisBlocks(SPEC).beacon().root(), SPEC.potExternalEntropy().toBytes()),
          SPEC.slotIterations());

  private ImportTestNode node(String name) {
    return new ImportTestNode(SPEC, dir.resolve(name), pot, farmers, ACCEPT_ALL_SOLUTIONS);
  }

  private static List<ShardIndex> leaves() {
    return SPEC.parameters().numShards().leafShardIndices();
  }

  private static List<ShardIndex> intermediates() {
    return SPEC.parameters().numShards().intermediateShardIndices();
  }

  /**
   * One slot of the whole network: beacon, then leaves (with a transaction), then intermediates.
   */
  private static void slot(ImportTestNode node, long slot, Random random) {
    assertImportedBest(node.produce(ShardIndex.BEACON, slot));
    for (ShardIndex leaf : leaves()) {
      byte[] tx = new byte[2000 + random.nextInt(2000)];
      random.nextBytes(tx);
      assertThat(node.source.submit(leaf, Bytes.wrap(tx))).isTrue();
      assertImportedBest(node.produce(leaf, slot));
      assertThat(node.chain.transactions().size(leaf)).isZero();
    }
    for (ShardIndex intermediate : intermediates()) {
      assertImportedBest(node.produce(intermediate, slot));
    }
  }

  private static void assertImportedBest(ImportResult result) {
    assertThat(result.status()).as(result.toString()).isEqualTo(Status.IMPORTED_BEST);
  }

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
    Random random = new Random(1);
    try (ImportTestNode node = node("a")) {
      for (long slot = 1; slot <= 36; slot++) {
        slot(node, slot, random);
      }
      for (ShardIndex shard : node.chain.shards()) {
        ChainHead head = node.best(shard);
        assertThat(head.number().value()).as("shard %s", shard).isEqualTo(36);
        assertThat(node.source.tip(shard).mmrRootThroughTip())
            .isEqualTo(naiveMmrRoot(node, head.root()));
        assertThat(node.storage.segmentCount(shard)).as("segments of %s", shard).isPositive();
      }
      assertThat(node.storage.lastSuperSegmentHeader().orElseThrow().index().value()).isPositive();
      // A leaf shard's first segment travelled leaf → intermediate → beacon → super segment.
      for (ShardIndex leaf : leaves()) {
        assertThat(node.storage.globalIndex(leaf, LocalSegmentIndex.ZERO))
            .as("leaf %s", leaf)
            .isPresent();
      }
    }
  }
}
