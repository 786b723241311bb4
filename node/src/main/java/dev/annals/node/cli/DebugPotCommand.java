package dev.annals.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annals debug pot}: proof-of-time tools. */
@Command(
    name = "pot",
    mixinStandardHelpOptions = true,
    description = "Proof of time: prove checkpoints for a seed, or verify them.",
    subcommands = {DebugPotProveCommand.class, DebugPotVerifyCommand.class})
public final class DebugPotCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
