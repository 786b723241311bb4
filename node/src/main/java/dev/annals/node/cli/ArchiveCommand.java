package dev.annals.node.cli;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annals debug archive}: archives a blocks file into segments; writes {@code segments.jsonl}
 * and {@code pieces/<localSegmentIndex>/<position>.piece}.
 */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = "Archives blocks (u32 LE length ‖ bytes each, first is block 0) into segments.")
public final class ArchiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PresetOption presetOption;

  @Option(names = "--shard", required = true, description = "Shard index (u32).")
  long shard;

  @Option(names = "--blocks", required = true, description = "Blocks file.")
  Path blocks;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Threads for per-record work (0: all cores).")
  int threads;

  @Override
  public Integer call() throws IOException {
    ProtocolParameters preset = presetOption.value;
    if (shard < 0 || shard > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("--shard must be a u32, got " + shard);
    }
    ShardIndex shardIndex = new ShardIndex((int) shard);
    int poolSize = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    Files.createDirectories(out.resolve("pieces"));
    int[] segments = {0};
    try (ForkJoinPool pool = new ForkJoinPool(poolSize);
        BufferedWriter jsonl = Files.newBufferedWriter(out.resolve("segments.jsonl"))) {
      SegmentArchiver archiver = SegmentArchiver.create(preset, shardIndex, pool);
      IOException[] failure = {null};
      long count =
          BlocksFile.read(
              blocks,
              block -> {
                if (failure[0] != null) {
                  return;
                }
                try {
                  for (ArchivedSegment segment : archiver.addBlock(block)) {
                    write(segment, shardIndex, jsonl);
                    segments[0]++;
                  }
                } catch (IOException e) {
                  failure[0] = e;
                }
              });
      if (failure[0] != null) {
        throw failure[0];
      }
      spec.commandLine()
          .getErr()
          .println("archived " + count + " blocks into " + segments[0] + " segments");
    }
    return 0;
  }

  private void write(ArchivedSegment segment, ShardIndex shardIndex, BufferedWriter jsonl)
      throws IOException {
    ProtocolParameters preset = presetOption.value;
    Path dir =
        out.resolve("pieces").resolve(Long.toUnsignedString(segment.header().index().value()));
    Files.createDirectories(dir);
    for (int p = 0; p < segment.pieces().size(); p++) {
      Files.write(dir.resolve(p + ".piece"), segment.pieces().get(p).encode(preset));
    }
    jsonl.write(SegmentsJsonl.line(shardIndex, segment.header()));
    jsonl.newLine();
    jsonl.flush();
  }
}
