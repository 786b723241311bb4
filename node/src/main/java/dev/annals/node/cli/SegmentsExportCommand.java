package dev.annals.node.cli;

import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.segment.SegmentHeader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annals segments export}: writes a shard's segment headers as JSON lines with the fields of
 * {@code debug archive}'s {@code segments.jsonl}, in local index order.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes a shard's segment headers as JSON lines (the fields of debug archive's"
            + " segments.jsonl) to a file, in local index order.")
public final class SegmentsExportCommand implements Callable<Integer> {
  private static final int PAGE = 1024;

  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(
      names = "--shard",
      required = true,
      paramLabel = "<n>",
      description = "Shard index (0 = beacon).")
  long shard;

  @Option(names = "--out", required = true, paramLabel = "<file>", description = "Output file.")
  Path out;

  @Override
  public Integer call() throws IOException {
    try (ChainStorage storage = dataDir.openReadOnly()) {
      ShardIndex index = shardOf(storage);
      long written = 0;
      try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        long next = 0;
        while (true) {
          List<SegmentHeader> page =
              storage.segmentHeaders(index, new LocalSegmentIndex(next), PAGE);
          for (SegmentHeader header : page) {
            writer.write(SegmentsJsonl.line(index, header));
            writer.newLine();
          }
          written += page.size();
          if (page.size() < PAGE) {
            break;
          }
          next = page.getLast().index().value() + 1;
        }
      }
      spec.commandLine()
          .getErr()
          .println("wrote " + written + " segment headers of shard " + index + " to " + out);
    }
    return 0;
  }

  private ShardIndex shardOf(ChainStorage storage) {
    if (shard < 0 || shard > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("--shard: not a shard index (value " + shard + ")");
    }
    ShardIndex index = new ShardIndex((int) shard);
    if (!StatusCommand.shardsOf(storage.params()).contains(index)) {
      throw new IllegalArgumentException(
          "--shard: not a shard of this chain (value "
              + shard
              + "; shards are "
              + StatusCommand.shardsOf(storage.params())
              + ")");
    }
    return index;
  }
}
