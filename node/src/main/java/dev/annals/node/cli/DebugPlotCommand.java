package dev.annals.node.cli;

import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorMetadata;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annals debug plot}: plots one sector from the pieces of a {@code debug archive} folder.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
      "Plots a sector from <archive>/pieces/<segment>/<position>.piece (as written by debug"
          + " archive; local segment indices are taken as global ones). Piece selection picks the"
          + " piece of every offset; writes the sector to --out and its metadata to <out>.meta.",
      "Prints the sector id, then one line per offset: offset and piece index."
    })
public final class DebugPlotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PresetOption presetOption;

  @Mixin SectorIdentityOptions identity;

  @Option(names = "--archive", required = true, description = "Folder written by debug archive.")
  Path archive;

  @Option(names = "--sector-index", defaultValue = "0", description = "Sector index (u16).")
  int sectorIndex;

  @Option(
      names = "--history-size",
      description = "History size in segments (default: the segment folders present, from 0).")
  Long historySize;

  @Option(
      names = "--pieces-in-sector",
      description = "Pieces in the sector (default: the preset's maximum).")
  Integer piecesInSector;

  @Option(names = "--threads", description = "Plotting threads (default: available processors).")
  Integer threads;

  @Option(names = "--out", required = true, description = "Sector file to write.")
  Path out;

  @Override
  public Integer call() throws IOException {
    ProtocolParameters preset = presetOption.value;
    HistorySize history = new HistorySize(historySize != null ? historySize : segmentsPresent());
    SectorIndex index = new SectorIndex(sectorIndex);
    SectorId id = SectorId.derive(identity.publicKeyHash, identity.commitmentsRoot, index, history);
    int pieces = piecesInSector != null ? piecesInSector : preset.maxPiecesInSector();
    if (pieces < 1 || pieces > preset.maxPiecesInSector()) {
      throw new IllegalArgumentException(
          "--pieces-in-sector: must be in 1.."
              + preset.maxPiecesInSector()
              + " (value "
              + pieces
              + ")");
    }
    var output = spec.commandLine().getOut();
    output.println("sector_id " + id);
    List<Piece> selected = new ArrayList<>();
    for (int offset = 0; offset < pieces; offset++) {
      PieceIndex pieceIndex = id.pieceIndex(new PieceOffset(offset), history, preset);
      selected.add(readPiece(preset, pieceIndex));
      output.println(offset + " " + pieceIndex);
    }
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    SectorMetadata metadata;
    try (FileChannel channel =
        FileChannel.open(
            out,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      metadata = new SectorPlotter(preset, workers).plot(id, index, history, selected, channel);
    }
    Files.write(metaPath(out), metadata.encode());
    return 0;
  }

  static Path metaPath(Path sector) {
    return sector.resolveSibling(sector.getFileName() + ".meta");
  }

  private long segmentsPresent() {
    long n = 0;
    while (Files.isDirectory(archive.resolve("pieces").resolve(Long.toString(n)))) {
      n++;
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          "--archive: no pieces/0 folder under " + archive + " (value " + archive + ")");
    }
    return n;
  }

  private Piece readPiece(ProtocolParameters preset, PieceIndex index) throws IOException {
    long segment = Long.divideUnsigned(index.value(), preset.piecesPerSegment());
    long position = Long.remainderUnsigned(index.value(), preset.piecesPerSegment());
    Path file =
        archive
            .resolve("pieces")
            .resolve(Long.toUnsignedString(segment))
            .resolve(position + ".piece");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "piece " + index + " selected but missing: no file " + file);
    }
    return Piece.decode(Files.readAllBytes(file), preset);
  }
}
