package dev.annals.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code annals debug decode}: prints a binary primitive from a file as JSON. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description =
        "Decodes a segment header, super segment header, piece header or block header from a"
            + " file and prints it as JSON (field names as in docs/PROTOCOL.md).")
public final class DecodeCommand implements Callable<Integer> {
  /** What the file holds. */
  public enum Kind {
    SEGMENT_HEADER("segment-header"),
    SUPER_SEGMENT_HEADER("super-segment-header"),
    PIECE_HEADER("piece-header"),
    BLOCK_HEADER("block-header");

    private final String cliName;

    Kind(String cliName) {
      this.cliName = cliName;
    }

    @Override
    public String toString() {
      return cliName;
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--preset",
      defaultValue = "production",
      description = "Protocol preset: production or dev (default: ${DEFAULT-VALUE}).")
  String preset;

  @Parameters(
      index = "0",
      description = "segment-header, super-segment-header, piece-header or block-header",
      converter = KindConverter.class)
  Kind kind;

  @Parameters(index = "1", description = "File with the encoded bytes.")
  Path file;

  /** Accepts the hyphenated names shown in the help. */
  static final class KindConverter implements ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      for (Kind k : Kind.values()) {
        if (k.cliName.equals(value)) {
          return k;
        }
      }
      throw new TypeConversionException(
          "unknown kind '"
              + value
              + "' (expected segment-header, super-segment-header, piece-header or block-header)");
    }
  }

  @Override
  public Integer call() throws IOException {
    ProtocolParameters params;
    try {
      params = ProtocolParameters.byName(preset);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      spec.commandLine().getErr().println("error: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    ObjectNode json;
    try {
      json =
          switch (kind) {
            case SEGMENT_HEADER -> PrimitivesJson.segmentHeader(SegmentHeader.decode(bytes));
            case SUPER_SEGMENT_HEADER ->
                PrimitivesJson.superSegmentHeader(SuperSegmentHeader.decode(bytes));
            case PIECE_HEADER -> PrimitivesJson.pieceHeader(PieceHeader.decode(bytes, params));
            case BLOCK_HEADER ->
                PrimitivesJson.blockHeader(BlockHeader.decode(bytes, params), params);
          };
    } catch (DecodeException e) {
      spec.commandLine()
          .getErr()
          .println(
              "error: malformed " + kind + " (preset " + params.name() + "): " + e.getMessage());
      return 1;
    }
    json.put("preset", params.name());
    spec.commandLine()
        .getOut()
        .println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    return 0;
  }
}
