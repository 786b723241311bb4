package dev.annals.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annals super-segments}: the beacon chain's super segment headers. */
@Command(
    name = "super-segments",
    mixinStandardHelpOptions = true,
    description = "The super segment headers of a data directory.",
    subcommands = {SuperSegmentsExportCommand.class})
public final class SuperSegmentsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
