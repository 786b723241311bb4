package dev.annals.node.cli;

import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.PieceIndex;
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

/**
 * {@code annals piece get}: writes the piece with a global index, its super segment fields filled,
 * from a node's data directory.
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description =
        "Writes the piece with this global index (super segment fields filled) from a data"
            + " directory to a file; exit 1 when the index is not in the landed global history.")
public final class PieceGetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(
      names = "--index",
      required = true,
      paramLabel = "<n>",
      description = "Global piece index (u64).")
  String index;

  @Option(names = "--out", required = true, paramLabel = "<file>", description = "Output file.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PieceIndex pieceIndex = PieceIndex.parse(index);
    try (ChainStorage storage = dataDir.openReadOnly()) {
      Optional<Piece> piece = storage.piece(pieceIndex);
      if (piece.isEmpty()) {
        long landed =
            storage
                .lastSuperSegmentHeader()
                .map(h -> (h.maxSegmentIndex().value() + 1) * storage.params().piecesPerSegment())
                .orElse(0L);
        spec.commandLine()
            .getErr()
            .println(
                "error: --index: piece "
                    + pieceIndex
                    + " is not in the landed global history of this data directory ("
                    + landed
                    + " pieces)");
        return 1;
      }
      Files.write(out, piece.get().encode(storage.params()));
    }
    return 0;
  }
}
