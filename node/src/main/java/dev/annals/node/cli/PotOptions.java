package dev.annals.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by the {@code debug pot} commands. */
final class PotOptions {
  @Option(
      names = "--seed",
      required = true,
      converter = HexConverter.class,
      description = "16-byte PoT seed, hex.")
  HexConverter.Hex seed;

  @Option(
      names = "--iterations",
      required = true,
      description = "Total AES iterations (a positive multiple of 16).")
  long iterations;

  /** Checks the values, reporting a bad one as a parameter error (exit 2). */
  void check(CommandLine commandLine) {
    HexConverter.requireLength(commandLine, "--seed", seed, 16);
    if (iterations <= 0 || iterations % 16 != 0) {
      throw new CommandLine.ParameterException(
          commandLine, "--iterations must be a positive multiple of 16, got " + iterations);
    }
  }
}
