package dev.annals.node.cli;

import dev.annals.archiver.PieceCheck;
import dev.annals.archiver.PieceVerifier;
import dev.annals.primitives.Hash;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
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

/** {@code annals debug verify-piece}: checks a piece's record against a segment root. */
@Command(
    name = "verify-piece",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies that a piece's record is in the segment with the given root; prints valid or the"
          + " failing check, exit 0 only when valid.",
      "The piece's position is --position, else the number in the file name (<position>.piece)."
    })
public final class VerifyPieceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PresetOption presetOption;

  @Option(names = "--piece", required = true, description = "Piece file.")
  Path piece;

  @Option(
      names = "--segment-root",
      required = true,
      converter = HashConverter.class,
      description = "Segment root, 64 hex digits.")
  Hash segmentRoot;

  @Option(names = "--position", description = "Piece position in its segment.")
  Integer position;

  @Override
  public Integer call() throws IOException {
    ProtocolParameters preset = presetOption.value;
    int at = position != null ? position : positionFromName();
    Piece decoded = Piece.decode(Files.readAllBytes(piece), preset);
    Optional<PieceCheck> failure =
        new PieceVerifier(preset).firstFailure(decoded, at, segmentRoot, null, null);
    if (failure.isEmpty()) {
      spec.commandLine().getOut().println("valid");
      return 0;
    }
    spec.commandLine()
        .getOut()
        .println(
            "invalid: "
                + failure.get().name().toLowerCase(java.util.Locale.ROOT)
                + ": "
                + failure.get().description());
    return 1;
  }

  private int positionFromName() {
    String name = piece.getFileName().toString();
    if (!name.matches("[0-9]{1,9}\\.piece")) {
      throw new IllegalArgumentException(
          "cannot tell the piece's position from the file name '" + name + "': pass --position");
    }
    return Integer.parseInt(name.substring(0, name.length() - ".piece".length()));
  }
}
