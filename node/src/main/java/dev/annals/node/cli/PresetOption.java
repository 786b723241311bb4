package dev.annals.node.cli;

import dev.annals.primitives.params.ProtocolParameters;
import picocli.CommandLine.Option;

/** The required {@code --preset dev|production} option shared by the file tools. */
final class PresetOption {
  @Option(
      names = "--preset",
      required = true,
      converter = PresetConverter.class,
      description = "Protocol preset: dev or production.")
  ProtocolParameters value;
}
