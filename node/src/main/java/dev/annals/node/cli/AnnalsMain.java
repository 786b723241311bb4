package dev.annals.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code annals} executable. */
@Command(
    name = "annals",
    mixinStandardHelpOptions = true,
    versionProvider = AnnalsVersion.class,
    description = "Annals: a node for a sharded proof-of-archival-storage blockchain.",
    subcommands = {
      DebugCommand.class,
      StatusCommand.class,
      SegmentsCommand.class,
      PieceCommand.class,
      SuperSegmentsCommand.class,
      DevnetCommand.class
    })
public final class AnnalsMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line with Annals' error handling: one clear line and exit code 2 on bad usage. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new AnnalsMain());
    commandLine.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("error: " + ex.getMessage());
          cmd.getErr().println("try '" + cmd.getCommandSpec().qualifiedName() + " --help'");
          return 2;
        });
    commandLine.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println("error: " + ex.getMessage());
          return 1;
        });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
