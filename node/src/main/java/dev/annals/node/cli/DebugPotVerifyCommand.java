package dev.annals.node.cli;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pot.ProofOfTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annals debug pot verify}: prints valid or invalid; exit 0 only when valid. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify 8 checkpoints; prints 'valid' (exit 0) or 'invalid' (exit 1).")
public final class DebugPotVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin PotOptions options;

  @Option(
      names = "--checkpoints",
      required = true,
      description =
          "8 comma-separated hex checkpoints, or a file with one per line (as 'pot prove' prints).")
  String checkpoints;

  @Override
  public Integer call() {
    options.check(spec.commandLine());
    byte[] joined = parseCheckpoints();
    boolean valid = Kernels.proofOfTime().verify(options.seed.bytes(), options.iterations, joined);
    spec.commandLine().getOut().println(valid ? "valid" : "invalid");
    return valid ? 0 : 1;
  }

  private byte[] parseCheckpoints() {
    CommandLine cl = spec.commandLine();
    List<String> parts = new ArrayList<>();
    Path file = Path.of(checkpoints);
    if (!checkpoints.contains(",") && Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            parts.add(line.strip());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read --checkpoints file " + file, e);
      }
    } else {
      parts.addAll(Arrays.asList(checkpoints.split(",", -1)));
    }
    if (parts.size() != ProofOfTime.NUM_CHECKPOINTS) {
      throw new CommandLine.ParameterException(
          cl, "--checkpoints must hold 8 checkpoints, got " + parts.size());
    }
    byte[] joined = new byte[ProofOfTime.CHECKPOINTS_LEN];
    for (int i = 0; i < parts.size(); i++) {
      byte[] one;
      try {
        one = HexFormat.of().parseHex(parts.get(i).strip());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            cl, "--checkpoints entry " + i + " is not hex: '" + parts.get(i) + "'");
      }
      HexConverter.requireLength(cl, "--checkpoints entry " + i, one, 16);
      System.arraycopy(one, 0, joined, 16 * i, 16);
    }
    return joined;
  }
}
