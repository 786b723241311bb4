package dev.annals.node.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the annals command line in-process and captures what it prints. */
public record CliRunner(int exitCode, String out, String err) {
  public static CliRunner run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = AnnalsMain.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRunner(exitCode, out.toString(), err.toString());
  }
}
