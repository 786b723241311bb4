package dev.annals.kernel.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads {@code vectors/pos-vectors.json} (see the README beside it for its source). */
final class PosVectors {
  private PosVectors() {}

  static List<JsonNode> ofKind(String kind) {
    try (InputStream in = PosVectors.class.getResourceAsStream("/vectors/pos-vectors.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode v : root.get("vectors")) {
        if (v.get("kind").asText().equals(kind)) {
          out.add(v);
        }
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("no vectors of kind " + kind);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(JsonNode node) {
    return HexFormat.of().parseHex(node.asText());
  }

  static long hexLong(JsonNode node) {
    return Long.parseUnsignedLong(node.asText().substring(2), 16);
  }
}
