package dev.annals.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Tools for developers and operators that work on files, without a running node. */
@Command(
    name = "debug",
    mixinStandardHelpOptions = true,
    description =
        "Developer tools that work on files: decode, archive, verify, prove, chain specs.",
    subcommands = {
      DecodeCommand.class,
      ArchiveCommand.class,
      VerifyPieceCommand.class,
      ReconstructCommand.class,
      DebugPosCommand.class,
      DebugPotCommand.class,
      ChainSpecCommand.class,
      DebugPlotCommand.class,
      DebugAuditCommand.class,
      DebugSuperSegmentCommand.class,
      DebugImportBenchCommand.class
    })
public final class DebugCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
