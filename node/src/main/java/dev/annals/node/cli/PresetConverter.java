package dev.annals.node.cli;

import dev.annals.primitives.params.ProtocolParameters;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --preset dev|production}. */
final class PresetConverter implements ITypeConverter<ProtocolParameters> {
  @Override
  public ProtocolParameters convert(String value) {
    for (ProtocolParameters preset : ProtocolParameters.PRESETS) {
      if (preset.name().equals(value)) {
        return preset;
      }
    }
    throw new TypeConversionException(
        "unknown preset '" + value + "' (expected dev or production)");
  }
}
