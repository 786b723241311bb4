package dev.annals.node.cli;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.PosParameters;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annals debug pos prove}: prints the record's proof for one s-bucket, or {@code none}. */
@Command(
    name = "prove",
    mixinStandardHelpOptions = true,
    description = "Build the tables for a seed and print the s-bucket's proof in hex, or 'none'.")
public final class DebugPosProveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin PosOptions options;

  @Option(names = "--threads", description = "Threads for the table build (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    PosParameters params = options.parameters(spec.commandLine());
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--threads must be >= 1, got " + threads);
    }
    byte[] proof =
        Kernels.proofOfSpace(params, threads).findProof(options.seed.bytes(), options.sBucket);
    spec.commandLine().getOut().println(proof == null ? "none" : HexFormat.of().formatHex(proof));
    return 0;
  }
}
