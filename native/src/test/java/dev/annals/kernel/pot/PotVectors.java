package dev.annals.kernel.pot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/** Reads {@code vectors/pot-aes.properties} (sources in the README beside it). */
final class PotVectors {
  private static final Properties VALUES = load();

  private PotVectors() {}

  static byte[] hex(String name) {
    return HexFormat.of().parseHex(get(name));
  }

  static String get(String name) {
    String v = VALUES.getProperty(name);
    if (v == null) {
      throw new IllegalStateException("missing vector " + name);
    }
    return v;
  }

  private static Properties load() {
    try (InputStream in = PotVectors.class.getResourceAsStream("/vectors/pot-aes.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
