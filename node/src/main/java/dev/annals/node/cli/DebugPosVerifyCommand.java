package dev.annals.node.cli;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.PosParameters;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annals debug pos verify}: prints valid or invalid; exit 0 only when valid. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify a proof of space; prints 'valid' (exit 0) or 'invalid' (exit 1).")
public final class DebugPosVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin PosOptions options;

  @Option(
      names = "--proof",
      required = true,
      converter = HexConverter.class,
      description = "The proof, hex (8·k bytes).")
  HexConverter.Hex proof;

  @Override
  public Integer call() {
    PosParameters params = options.parameters(spec.commandLine());
    HexConverter.requireLength(spec.commandLine(), "--proof", proof, params.proofSize());
    boolean valid =
        Kernels.proofOfSpace(params, 1)
            .verify(options.seed.bytes(), options.sBucket, proof.bytes());
    spec.commandLine().getOut().println(valid ? "valid" : "invalid");
    return valid ? 0 : 1;
  }
}
