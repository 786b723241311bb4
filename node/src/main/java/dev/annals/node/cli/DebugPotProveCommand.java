package dev.annals.node.cli;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pot.ProofOfTime;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annals debug pot prove}: prints the 8 checkpoints, one hex line each. */
@Command(
    name = "prove",
    mixinStandardHelpOptions = true,
    description = "Run the AES chain and print the 8 checkpoints in hex, one per line.")
public final class DebugPotProveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin PotOptions options;

  @Override
  public Integer call() {
    options.check(spec.commandLine());
    byte[] checkpoints = Kernels.proofOfTime().prove(options.seed.bytes(), options.iterations);
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 0; i < ProofOfTime.NUM_CHECKPOINTS; i++) {
      out.println(HexFormat.of().formatHex(checkpoints, 16 * i, 16 * i + 16));
    }
    return 0;
  }
}
