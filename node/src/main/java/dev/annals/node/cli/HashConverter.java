package dev.annals.node.cli;

import dev.annals.primitives.Hash;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a 32-byte hash given as 64 hex digits. */
final class HashConverter implements ITypeConverter<Hash> {
  @Override
  public Hash convert(String value) {
    try {
      return Hash.fromHex(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("not a 32-byte hex hash: " + e.getMessage());
    }
  }
}
