package dev.annals.node.cli;

import dev.annals.archiver.ReconstructedBlock;
import dev.annals.archiver.Reconstructor;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SegmentHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annals debug reconstruct}: rebuilds blocks from the pieces present in {@code <in>/pieces}
 * and writes them in the blocks-file format.
 */
@Command(
    name = "reconstruct",
    mixinStandardHelpOptions = true,
    description = "Rebuilds blocks from whatever pieces are present in <in>/pieces.")
public final class ReconstructCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PresetOption presetOption;

  @Option(names = "--in", required = true, description = "Directory written by debug archive.")
  Path in;

  @Option(names = "--out", required = true, description = "Blocks file to write.")
  Path out;

  @Override
  public Integer call() throws IOException {
    ProtocolParameters preset = presetOption.value;
    Path piecesDir = in.resolve("pieces");
    if (!Files.isDirectory(piecesDir)) {
      throw new IllegalArgumentException(piecesDir + " is not a directory");
    }
    List<Long> indices;
    try (Stream<Path> dirs = Files.list(piecesDir)) {
      indices =
          dirs.map(p -> p.getFileName().toString())
              .filter(name -> name.matches("[0-9]{1,19}"))
              .map(Long::parseUnsignedLong)
              .sorted(Long::compareUnsigned)
              .toList();
    }
    Reconstructor reconstructor = new Reconstructor(preset);
    List<byte[]> blocks = new ArrayList<>();
    long firstNumber = -1;
    for (long index : indices) {
      Piece[] pieces = readSegment(piecesDir.resolve(Long.toUnsignedString(index)), index);
      for (ReconstructedBlock block : reconstructor.addSegment(pieces)) {
        firstNumber = firstNumber < 0 ? block.number() : firstNumber;
        blocks.add(block.bytes());
      }
    }
    SegmentHeader last = lastHeader(indices);
    if (last != null) {
      reconstructor.finish(last).ifPresent(block -> blocks.add(block.bytes()));
    }
    BlocksFile.write(out, blocks);
    spec.commandLine()
        .getErr()
        .println(
            "rebuilt "
                + blocks.size()
                + " blocks"
                + (blocks.isEmpty() ? "" : " starting at block " + firstNumber)
                + " from "
                + indices.size()
                + " segments");
    return 0;
  }

  private Piece[] readSegment(Path dir, long index) throws IOException {
    ProtocolParameters preset = presetOption.value;
    Piece[] pieces = new Piece[preset.piecesPerSegment()];
    for (int p = 0; p < pieces.length; p++) {
      Path file = dir.resolve(p + ".piece");
      if (Files.exists(file)) {
        try {
          pieces[p] = Piece.decode(Files.readAllBytes(file), preset);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "segment " + index + " piece " + p + " (" + file + "): " + e.getMessage(), e);
        }
      }
    }
    return pieces;
  }

  /** The header of the last segment, from segments.jsonl when it is there. */
  private SegmentHeader lastHeader(List<Long> indices) throws IOException {
    Path jsonl = in.resolve("segments.jsonl");
    if (indices.isEmpty() || !Files.exists(jsonl)) {
      return null;
    }
    long last = indices.getLast();
    for (String line : Files.readAllLines(jsonl)) {
      if (line.isBlank()) {
        continue;
      }
      SegmentHeader header = SegmentsJsonl.parse(line);
      if (header.index().value() == last) {
        return header;
      }
    }
    return null;
  }
}
