package dev.annals.genesis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a chain spec JSON document strictly: every field known, of the right type, required ones
 * present, no duplicates; the preset's digest in the file must match this build's preset. Every
 * error is a {@link ChainSpecException} naming the source and the field.
 */
public final class ChainSpecParser {
  static final Set<String> TOP_FIELDS =
      Set.of(
          "name",
          "preset",
          "presetDigest",
          "numShards",
          "genesisTimestampMillis",
          "potExternalEntropy",
          "initialSolutionRange",
          "slotIterations");
  static final Set<String> NUM_SHARDS_FIELDS =
      Set.of("intermediateShards", "leafShardsPerIntermediateShard");
  static final Set<String> SOLUTION_RANGE_FIELDS = Set.of("fromPieces");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ChainSpecParser() {}

  /** Parses {@code json}; {@code source} (a name or path) goes into error messages. */
  public static ChainSpec parse(String source, String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new ChainSpecException(source, "", "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ChainSpecException(source, "", "must be a JSON object");
    }
    Fields top = new Fields(source, "", (ObjectNode) root, TOP_FIELDS);

    String name = top.string("name");
    String presetName = top.string("preset");
    ProtocolParameters preset;
    try {
      preset = ProtocolParameters.byName(presetName);
    } catch (IllegalArgumentException e) {
      throw new ChainSpecException(
          source,
          "preset",
          "no such preset, expected production or dev (value '" + presetName + "')");
    }
    if (!preset.name().equals(presetName)) {
      throw new ChainSpecException(
          source, "preset", "must be written in lower case (value '" + presetName + "')");
    }
    Hash presetDigest = top.hash("presetDigest");
    if (!presetDigest.equals(preset.digest())) {
      throw new ChainSpecException(
          source,
          "presetDigest",
          "the spec was written for preset "
              + presetName
              + " with digest "
              + presetDigest
              + ", this build's "
              + presetName
              + " preset has digest "
              + preset.digest());
    }

    Fields shards = top.object("numShards", NUM_SHARDS_FIELDS);
    NumShards numShards;
    int intermediate = shards.integer("intermediateShards", 1, 1023);
    int leaves = shards.integer("leafShardsPerIntermediateShard", 1, 1023);
    numShards = new NumShards(intermediate, leaves);

    long timestamp = top.longInteger("genesisTimestampMillis", 0, Long.MAX_VALUE);
    Bytes entropy = top.hex("potExternalEntropy", ChainSpec.MAX_ENTROPY_BYTES);
    long solutionRange = solutionRange(source, top, preset);
    long slotIterations =
        top.has("slotIterations")
            ? top.longInteger("slotIterations", 16, 0xFFFF_FFFFL)
            : preset.slotIterations();
    if (slotIterations % 16 != 0) {
      throw new ChainSpecException(
          source, "slotIterations", "must be a multiple of 16 (value " + slotIterations + ")");
    }
    try {
      return new ChainSpec(
          name, preset, numShards, timestamp, entropy, solutionRange, slotIterations);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int colon = message.indexOf(':');
      String field = colon > 0 ? message.substring(0, colon) : "";
      throw new ChainSpecException(
          source, field, colon > 0 ? message.substring(colon + 2) : message, e);
    }
  }

  private static long solutionRange(String source, Fields top, ProtocolParameters preset) {
    JsonNode node = top.required("initialSolutionRange");
    if (node.isTextual()) {
      return top.u64String("initialSolutionRange");
    }
    if (node.isObject()) {
      Fields derived = top.object("initialSolutionRange", SOLUTION_RANGE_FIELDS);
      long pieces = derived.longInteger("fromPieces", 1, Long.MAX_VALUE);
      long range = SolutionRange.fromPieces(pieces, preset).value();
      if (range == 0) {
        throw new ChainSpecException(
            source,
            "initialSolutionRange.fromPieces",
            "gives solution range 0, which no solution can meet (value " + pieces + ")");
      }
      return range;
    }
    throw new ChainSpecException(
        source,
        "initialSolutionRange",
        "must be a u64 as a decimal string or {\"fromPieces\": n} (value " + node + ")");
  }

  /** The fields of one JSON object, checked against the names it may have. */
  private static final class Fields {
    private final String source;
    private final String path;
    private final ObjectNode node;

    Fields(String source, String path, ObjectNode node, Set<String> known) {
      this.source = source;
      this.path = path;
      this.node = node;
      List<String> unknown = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!known.contains(field)) {
          unknown.add(field);
        }
      }
      if (!unknown.isEmpty()) {
        throw new ChainSpecException(
            source,
            path + unknown.getFirst(),
            "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }

    boolean has(String field) {
      return node.has(field);
    }

    JsonNode required(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        throw new ChainSpecException(source, path + field, "is missing");
      }
      return value;
    }

    private ChainSpecException wrongType(String field, String expected, JsonNode value) {
      return new ChainSpecException(
          source, path + field, "must be " + expected + " (value " + value + ")");
    }

    String string(String field) {
      JsonNode value = required(field);
      if (!value.isTextual()) {
        throw wrongType(field, "a string", value);
      }
      return value.textValue();
    }

    long longInteger(String field, long min, long max) {
      JsonNode value = required(field);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw wrongType(field, "an integer in " + min + "..=" + max, value);
      }
      long v = value.longValue();
      if (v < min || v > max) {
        throw wrongType(field, "an integer in " + min + "..=" + max, value);
      }
      return v;
    }

    int integer(String field, int min, int max) {
      return (int) longInteger(field, min, max);
    }

    long u64String(String field) {
      String text = string(field);
      if (!text.matches("[0-9]{1,20}")) {
        throw new ChainSpecException(
            source, path + field, "must be a u64 in decimal digits (value '" + text + "')");
      }
      try {
        return Long.parseUnsignedLong(text);
      } catch (NumberFormatException e) {
        throw new ChainSpecException(
            source, path + field, "must be a u64 in decimal digits (value '" + text + "')", e);
      }
    }

    Bytes hex(String field, int maxBytes) {
      String text = string(field);
      if (text.length() % 2 != 0 || text.length() > 2 * maxBytes) {
        throw new ChainSpecException(
            source,
            path + field,
            "must be an even number of hex digits, at most "
                + maxBytes
                + " bytes (value '"
                + text
                + "')");
      }
      try {
        return Bytes.wrap(HexFormat.of().parseHex(text));
      } catch (IllegalArgumentException e) {
        throw new ChainSpecException(source, path + field, "not hex (value '" + text + "')", e);
      }
    }

    Hash hash(String field) {
      String text = string(field);
      try {
        return Hash.fromHex(text);
      } catch (IllegalArgumentException e) {
        throw new ChainSpecException(
            source, path + field, "must be 64 hex digits (value '" + text + "')", e);
      }
    }

    Fields object(String field, Set<String> known) {
      JsonNode value = required(field);
      if (!value.isObject()) {
        throw wrongType(field, "an object", value);
      }
      return new Fields(source, path + field + ".", (ObjectNode) value, known);
    }
  }
}
