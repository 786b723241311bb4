package dev.annals.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a chain spec in the file format {@link ChainSpecParser} reads, with every value resolved
 * (the solution range as a decimal string, slot iterations explicit), so that parsing the output
 * gives an equal spec with the same digest. A node stores it in its data directory, so tools can
 * read the directory without being told the chain.
 */
public final class ChainSpecJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ChainSpecJson() {}

  public static String write(ChainSpec spec) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("name", spec.name());
    json.put("preset", spec.preset().name());
    json.put("presetDigest", spec.preset().digest().toHex());
    ObjectNode shards = json.putObject("numShards");
    shards.put("intermediateShards", spec.numShards().intermediateShards());
    shards.put("leafShardsPerIntermediateShard", spec.numShards().leafShardsPerIntermediate());
    json.put("genesisTimestampMillis", spec.genesisTimestampMillis());
    json.put("potExternalEntropy", spec.potExternalEntropy().toHex());
    json.put("initialSolutionRange", Long.toUnsignedString(spec.initialSolutionRange()));
    json.put("slotIterations", spec.slotIterations());
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
    }
  }
}
