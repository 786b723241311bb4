package dev.annals.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.supersegment.ShardSegmentRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a super segment, one JSON object per line: {@code shard}, {@code
 * localSegmentIndex} (u64, a number or a decimal string) and {@code root} (64 hex digits). Other
 * fields are ignored, so the {@code segments.jsonl} that {@code debug archive} writes is accepted.
 */
final class SegmentRootsJsonl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SegmentRootsJsonl() {}

  static List<ShardSegmentRoot> read(Path file) throws IOException {
    List<ShardSegmentRoot> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file.getFileName() + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  static ShardSegmentRoot parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON line: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object (value " + line + ")");
    }
    JsonNode shard = required(node, "shard");
    if (!shard.canConvertToInt() || !shard.isIntegralNumber()) {
      throw new IllegalArgumentException("shard: must be an integer (value " + shard + ")");
    }
    return new ShardSegmentRoot(
        new ShardIndex(shard.asInt()),
        LocalSegmentIndex.parse(required(node, "localSegmentIndex").asText()),
        Hash.fromHex(required(node, "root").asText()));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return value;
  }
}
