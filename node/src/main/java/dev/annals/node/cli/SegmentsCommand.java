package dev.annals.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annals segments}: a shard's segment headers. */
@Command(
    name = "segments",
    mixinStandardHelpOptions = true,
    description = "A shard's archived segment headers.",
    subcommands = {SegmentsExportCommand.class})
public final class SegmentsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
