package dev.annals.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.pot.PotSeeds;
import dev.annals.consensus.solution.SolutionCheck;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.chain.ImportResult.Status;
import dev.annals.node.storage.ColumnFamily;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The devnet chain spec, its proof-of-time chain and farmers, shared by the nodes of one test, and
 * the network's slot routine: a beacon block, a block of every leaf shard (with a transaction),
 * then of every intermediate shard.
 */
final class TestNetwork {
  static final ChainSpec SPEC = ChainSpecs.builtIn("devnet");

  /**
   * Accepts every solution. Solution verification is covered on its own (consensus'
   * SolutionVerifier tests, block-producer's RealSolutionBlockTest); these tests are about the
   * import pipeline, and every other rule runs for real.
   */
  static final SolutionCheck ACCEPT_ALL_SOLUTIONS = (solution, context) -> {};

  final Farmers farmers = new Farmers(SPEC.parameters(), 48);
  final PotChain pot =
      new PotChain(
          PotSeeds.genesis(
              new GenesisBlocks(SPEC).beacon().root(), SPEC.potExternalEntropy().toBytes()),
          SPEC.slotIterations());
  private final Path dir;
  private final Random random = new Random(1);

  TestNetwork(Path dir) {
    this.dir = dir;
  }

  ImportTestNode node(String name) {
    return new ImportTestNode(SPEC, dir.resolve(name), pot, farmers, ACCEPT_ALL_SOLUTIONS);
  }

  static List<ShardIndex> leaves() {
    return SPEC.parameters().numShards().leafShardIndices();
  }

  static List<ShardIndex> intermediates() {
    return SPEC.parameters().numShards().intermediateShardIndices();
  }

  /** One slot of the whole network on {@code node}; every block must become best. */
  void slot(ImportTestNode node, long slot) {
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

  static void assertImportedBest(ImportResult result) {
    assertThat(result.status()).as(result.toString()).isEqualTo(Status.IMPORTED_BEST);
  }

  /** The blocks of {@code shard}'s best chain after genesis, oldest first. */
  static List<Block> bestChain(ImportTestNode node, ShardIndex shard) {
    List<Block> out = new ArrayList<>();
    Hash at = node.best(shard).root();
    while (true) {
      BlockHeader header = node.storage.header(at).orElseThrow();
      if (header.prefix().number().value() == 0) {
        break;
      }
      out.add(node.block(at));
      at = header.prefix().parentRoot();
    }
    Collections.reverse(out);
    return out;
  }

  /** Every best-chain block of every shard, in the order the network produced them. */
  static List<Block> allBlocksInProductionOrder(ImportTestNode node) {
    List<Block> all = new ArrayList<>();
    for (ShardIndex shard : node.chain.shards()) {
      all.addAll(bestChain(node, shard));
    }
    all.sort(
        Comparator.comparingLong((Block b) -> b.header().consensusInfo().slot().value())
            .thenComparingInt(b -> kindOrder(b.header().prefix().shardIndex()))
            .thenComparingInt(b -> b.header().prefix().shardIndex().value()));
    return all;
  }

  private static int kindOrder(ShardIndex shard) {
    return switch (shard.kind()) {
      case BEACON -> 0;
      case LEAF -> 1;
      case INTERMEDIATE -> 2;
      case PHANTOM -> 3;
    };
  }

  /** A digest of every column family's contents, to show that nothing changed. */
  static Map<ColumnFamily, String> contents(ImportTestNode node) {
    Map<ColumnFamily, String> out = new LinkedHashMap<>();
    for (ColumnFamily family : ColumnFamily.values()) {
      out.put(family, HexFormat.of().formatHex(node.storage.database().contentDigest(family)));
    }
    return out;
  }
}
