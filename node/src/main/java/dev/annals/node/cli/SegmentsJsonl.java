package dev.annals.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.SegmentHeader;

/**
 * One line of {@code segments.jsonl}: {@code shard}, {@code localSegmentIndex}, {@code root},
 * {@code prevHeaderHash}, {@code lastArchivedBlock} ({@code number}, {@code archivedBytes}) and
 * {@code headerHash}, hashes in lower-case hex. u64 values are JSON numbers written unsigned.
 */
final class SegmentsJsonl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SegmentsJsonl() {}

  static String line(ShardIndex shard, SegmentHeader header) {
    ObjectNode node = JSON.createObjectNode();
    node.put("shard", Integer.toUnsignedLong(shard.value()));
    node.put(
        "localSegmentIndex",
        new java.math.BigInteger(Long.toUnsignedString(header.index().value())));
    node.put("root", header.root().toHex());
    node.put("prevHeaderHash", header.previousHeaderHash().toHex());
    ObjectNode last = node.putObject("lastArchivedBlock");
    last.put(
        "number",
        new java.math.BigInteger(
            Long.toUnsignedString(header.lastArchivedBlock().number().value())));
    last.put("archivedBytes", header.lastArchivedBlock().archivedBytes());
    node.put("headerHash", header.hash().toHex());
    return node.toString();
  }

  /** The header a line describes; the line's {@code headerHash} must match it. */
  static SegmentHeader parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON line: " + e.getOriginalMessage());
    }
    SegmentHeader header =
        new SegmentHeader(
            new LocalSegmentIndex(
                Long.parseUnsignedLong(required(node, "localSegmentIndex").asText())),
            Hash.fromHex(required(node, "root").asText()),
            Hash.fromHex(required(node, "prevHeaderHash").asText()),
            new LastArchivedBlock(
                new BlockNumber(
                    Long.parseUnsignedLong(
                        required(required(node, "lastArchivedBlock"), "number").asText())),
                required(required(node, "lastArchivedBlock"), "archivedBytes").asLong()));
    if (node.has("headerHash") && !header.hash().toHex().equals(node.get("headerHash").asText())) {
      throw new IllegalArgumentException(
          "headerHash " + node.get("headerHash").asText() + " does not match the fields given");
    }
    return header;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return value;
  }
}
