package dev.annals.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annals debug pos}: proof-of-space tools. */
@Command(
    name = "pos",
    mixinStandardHelpOptions = true,
    description = "Proof of space: build a table and prove one s-bucket, or verify a proof.",
    subcommands = {DebugPosProveCommand.class, DebugPosVerifyCommand.class})
public final class DebugPosCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
