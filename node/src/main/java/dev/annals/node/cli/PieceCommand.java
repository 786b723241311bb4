package dev.annals.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annals piece}: tools for single pieces; one subcommand class per tool. */
@Command(
    name = "piece",
    mixinStandardHelpOptions = true,
    description =
        "Work with pieces: verify them by global piece index, or get one from a data directory.",
    subcommands = {PieceVerifyCommand.class, PieceGetCommand.class})
public final class PieceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
