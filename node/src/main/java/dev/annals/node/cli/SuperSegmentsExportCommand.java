package dev.annals.node.cli;

import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.SuperSegmentHeadersFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annals super-segments export}: writes every super segment header in the headers file
 * format that {@code annals piece verify --super-segments} reads (docs/super-segments.md).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes the super segment headers, in index order, in the file format that"
            + " 'annals piece verify --super-segments' reads.")
public final class SuperSegmentsExportCommand implements Callable<Integer> {
  private static final int PAGE = 4096;

  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(names = "--out", required = true, paramLabel = "<file>", description = "Output file.")
  Path out;

  @Override
  public Integer call() throws IOException {
    try (ChainStorage storage = dataDir.openReadOnly()) {
      // Headers are 92 bytes; even a long history's fit in memory (see BENCHMARKS.md).
      List<SuperSegmentHeader> headers = new ArrayList<>();
      long next = 0;
      while (true) {
        List<SuperSegmentHeader> page =
            storage.superSegmentHeaders(new SuperSegmentIndex(next), PAGE);
        headers.addAll(page);
        if (page.size() < PAGE) {
          break;
        }
        next = page.getLast().index().value() + 1;
      }
      SuperSegmentHeadersFile.write(out, storage.params(), headers);
      spec.commandLine()
          .getErr()
          .println("wrote " + headers.size() + " super segment headers to " + out);
    }
    return 0;
  }
}
