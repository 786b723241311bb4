package dev.annals.node.devnet;

import dev.annals.consensus.solution.SolutionVerifier;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.chain.BlockImporter;
import dev.annals.node.chain.ImportResult;
import dev.annals.node.chain.NodeChain;
import dev.annals.node.chain.PotOutputs;
import dev.annals.node.chain.TransactionPool;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.StorageConfig;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the best chains of a finished node's data directory into a fresh one, block by block,
 * with full verification (the import benchmark, BENCHMARKS-devnet.md). Blocks go in slot order,
 * senior shard kinds first within a slot; the proof-of-time outputs are known up front (as a node
 * running its own slot clock knows them), so shard blocks wait only for the blocks they name.
 */
public final class ImportReplay {
  /** Blocks imported and time spent per shard kind. */
  public record KindFigures(ShardKind kind, long blocks, long nanos) {
    public double blocksPerSecond() {
      return nanos == 0 ? 0 : blocks * 1e9 / nanos;
    }
  }

  /**
   * @param heldBack imports that had to wait for a block imported later
   * @param rejected blocks rejected or refused (0 for a valid source)
   * @param stillPending blocks still held back at the end: the newest shard blocks whose future
   *     proof-of-time slot no beacon block of the source reached
   */
  public record Figures(List<KindFigures> kinds, long heldBack, long rejected, long stillPending) {}

  private ImportReplay() {}

  /** Every block of every shard's best chain but the genesis blocks, in replay order. */
  public static List<Block> bestChains(ChainStorage source, List<ShardIndex> shards) {
    List<Block> out = new ArrayList<>();
    for (ShardIndex shard : shards) {
      ChainHead head = source.bestChain(shard).orElseThrow();
      Hash root = head.root();
      while (true) {
        BlockHeader header = source.header(root).orElseThrow();
        if (header.prefix().number().value() == 0) {
          break;
        }
        out.add(new Block(header, source.body(root).orElseThrow()));
        root = header.prefix().parentRoot();
      }
    }
    out.sort(
        Comparator.comparingLong((Block b) -> b.header().consensusInfo().slot().value())
            .thenComparing(b -> b.header().prefix().shardIndex().kind().ordinal())
            .thenComparingLong(b -> b.header().prefix().number().value()));
    return out;
  }

  /** Imports {@code blocks} into a fresh database in {@code scratch} and times each import. */
  public static Figures replay(List<Block> blocks, ChainSpec spec, Path scratch) {
    ProtocolParameters params = spec.parameters();
    PotOutputs pot = new PotOutputs(1 << 20);
    for (Block block : blocks) {
      if (block.body() instanceof BeaconBlockBody body) {
        long future =
            block.header().consensusInfo().slot().value() + params.blockAuthoringDelaySlots();
        pot.recordBlockCheckpoints(new Slot(future), body.potCheckpoints());
      }
    }
    Map<ShardKind, long[]> byKind = new EnumMap<>(ShardKind.class);
    long heldBack = 0;
    long rejected = 0;
    long stillPending;
    try (ChainStorage storage = ChainStorage.open(scratch, spec, StorageConfig.DEFAULT)) {
      NodeChain chain =
          NodeChain.open(storage, new GenesisBlocks(spec), pot, new TransactionPool(1, 1), null);
      BlockImporter importer =
          new BlockImporter(chain, new SolutionVerifier(params), System::currentTimeMillis, 4096);
      for (Block block : blocks) {
        long start = System.nanoTime();
        ImportResult result = importer.importBlock(block);
        long took = System.nanoTime() - start;
        List<ImportResult> all = new ArrayList<>();
        all.add(result);
        all.addAll(result.released());
        // A call that also released held-back blocks shares its time among them.
        long share = took / all.size();
        for (ImportResult r : all) {
          if (r.status() == ImportResult.Status.HELD_BACK) {
            heldBack++;
          }
          if (r.status() == ImportResult.Status.REJECTED
              || r.status() == ImportResult.Status.REFUSED) {
            rejected++;
          }
          if (r.imported()) {
            long[] f = byKind.computeIfAbsent(r.shard().kind(), k -> new long[2]);
            f[0]++;
            f[1] += share;
          }
        }
      }
      stillPending = importer.pendingCount();
    }
    List<KindFigures> kinds = new ArrayList<>();
    byKind.forEach((kind, f) -> kinds.add(new KindFigures(kind, f[0], f[1])));
    return new Figures(kinds, heldBack, rejected, stillPending);
  }
}
