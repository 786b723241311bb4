package dev.annals.node.cli;

import dev.annals.primitives.PieceIndex;
import dev.annals.supersegment.LightClient;
import dev.annals.supersegment.PieceFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annals piece verify}: full verification of a piece as the piece with a global index. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies a piece as global piece --index from super segment headers alone: its super"
          + " segment fields, its segment proof and its record proof. Prints valid or the failing"
          + " check; exit 0 only when valid.",
      "The headers file is the super segment headers file format of docs/super-segments.md."
    })
public final class PieceVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PresetOption presetOption;

  @Option(names = "--piece", required = true, description = "Piece file.")
  Path piece;

  @Option(names = "--index", required = true, description = "Global piece index (u64).")
  String index;

  @Option(names = "--super-segments", required = true, description = "Super segment headers file.")
  Path superSegments;

  @Override
  public Integer call() throws IOException {
    PieceIndex pieceIndex = PieceIndex.parse(index);
    LightClient client = new LightClient(presetOption.value);
    requireFile("--super-segments", superSegments);
    requireFile("--piece", piece);
    client.acceptHeadersFile(superSegments);
    Optional<PieceFailure> failure = client.verify(Files.readAllBytes(piece), pieceIndex);
    if (failure.isEmpty()) {
      spec.commandLine().getOut().println("valid");
      return 0;
    }
    spec.commandLine().getOut().println("invalid: " + failure.get());
    return 1;
  }

  private static void requireFile(String option, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + ": no such file (value " + file + ")");
    }
  }
}
