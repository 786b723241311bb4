package dev.annals.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecException;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlock;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.primitives.ShardIndex;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annals debug chain-spec}: loads a chain spec and prints it with its digests as JSON. */
@Command(
    name = "chain-spec",
    mixinStandardHelpOptions = true,
    description =
        "Loads a chain spec (built-in name or JSON file), checks it and prints it as JSON with its"
            + " digest, the digest of the parameters it runs with, and each shard's genesis root.")
public final class ChainSpecCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--chain",
      defaultValue = "dev",
      description =
          "Built-in chain (dev, devnet, production) or a path (default: ${DEFAULT-VALUE}).")
  String chain;

  @Override
  public Integer call() throws JsonProcessingException {
    ChainSpec chainSpec;
    try {
      chainSpec = ChainSpecs.load(chain);
    } catch (ChainSpecException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode();
    json.put("name", chainSpec.name());
    json.put("digest", chainSpec.digest().toHex());
    json.put("preset", chainSpec.preset().name());
    json.put("presetDigest", chainSpec.preset().digest().toHex());
    json.put("parametersDigest", chainSpec.parameters().digest().toHex());
    ObjectNode shards = json.putObject("numShards");
    shards.put("intermediateShards", chainSpec.numShards().intermediateShards());
    shards.put("leafShardsPerIntermediateShard", chainSpec.numShards().leafShardsPerIntermediate());
    json.put("genesisTimestampMillis", chainSpec.genesisTimestampMillis());
    json.put("potExternalEntropy", chainSpec.potExternalEntropy().toHex());
    json.put("initialSolutionRange", Long.toUnsignedString(chainSpec.initialSolutionRange()));
    json.put("slotIterations", chainSpec.slotIterations());
    ArrayNode genesis = json.putArray("genesis");
    for (GenesisBlock block : new GenesisBlocks(chainSpec).all()) {
      ShardIndex shard = block.header().prefix().shardIndex();
      ObjectNode entry = genesis.addObject();
      entry.put("shard", shard.value());
      entry.put("kind", shard.kind().name().toLowerCase(Locale.ROOT));
      entry.put("root", block.root().toHex());
    }
    spec.commandLine()
        .getOut()
        .println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    return 0;
  }
}
