package dev.annals.node.cli;

import java.util.HexFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a hex option value (an optional 0x prefix allowed) into bytes. */
final class HexConverter implements ITypeConverter<HexConverter.Hex> {
  /** Bytes given in hex on the command line (a record so picocli sees one value, not an array). */
  record Hex(byte[] bytes) {}

  @Override
  public Hex convert(String value) {
    String hex = value.startsWith("0x") ? value.substring(2) : value;
    try {
      return new Hex(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("not hex: '" + value + "'");
    }
  }

  /** Rejects a value of the wrong length with a message naming the option. */
  static byte[] requireLength(picocli.CommandLine commandLine, String option, Hex hex, int length) {
    return requireLength(commandLine, option, hex.bytes(), length);
  }

  static byte[] requireLength(
      picocli.CommandLine commandLine, String option, byte[] value, int length) {
    if (value.length != length) {
      throw new picocli.CommandLine.ParameterException(
          commandLine,
          option
              + " must be "
              + length
              + " bytes ("
              + 2 * length
              + " hex digits), got "
              + value.length);
    }
    return value;
  }
}
