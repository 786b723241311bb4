package dev.annals.node.cli;

import dev.annals.genesis.ChainSpec;
import dev.annals.node.devnet.ImportReplay;
import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.block.Block;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annals debug import-bench}: re-imports a stopped node's best chains into a fresh database
 * with full verification and prints blocks imported per second per shard kind.
 */
@Command(
    name = "import-bench",
    mixinStandardHelpOptions = true,
    description =
        "Re-imports the best chains of a data directory (e.g. a stopped devnet's) into a fresh"
            + " database in --scratch, verifying every block, and prints blocks per second per"
            + " shard kind.")
public final class DebugImportBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(
      names = "--scratch",
      required = true,
      paramLabel = "<dir>",
      description = "An empty or missing directory for the fresh database.")
  Path scratch;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(scratch)) {
      try (var entries = Files.list(scratch)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--scratch: must be empty (value " + scratch + ")");
        }
      }
    }
    ChainSpec chainSpec;
    List<Block> blocks;
    try (ChainStorage source = dataDir.openReadOnly()) {
      chainSpec = source.chainSpec().orElseThrow();
      blocks = ImportReplay.bestChains(source, StatusCommand.shardsOf(source.params()));
    }
    long start = System.nanoTime();
    ImportReplay.Figures figures = ImportReplay.replay(blocks, chainSpec, scratch);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    for (ImportReplay.KindFigures k : figures.kinds()) {
      out.printf(
          Locale.ROOT,
          "%-12s %6d blocks %9.1f ms %8.1f blocks/s%n",
          k.kind().name().toLowerCase(Locale.ROOT),
          k.blocks(),
          k.nanos() / 1e6,
          k.blocksPerSecond());
    }
    out.printf(
        Locale.ROOT,
        "total        %6d blocks in %.2f s (%.1f blocks/s), %d held back, %d rejected, %d still"
            + " waiting for proof of time at the end%n",
        blocks.size(),
        seconds,
        blocks.size() / seconds,
        figures.heldBack(),
        figures.rejected(),
        figures.stillPending());
    return figures.rejected() == 0 ? 0 : 1;
  }
}
