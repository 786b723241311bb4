package dev.annals.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code annals status}: one JSON object describing a data directory: per shard its best block and
 * how many segments it archived, then the super segments and the pieces of the global history.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Prints one JSON object: {\"shards\": [{\"shard\", \"kind\", \"bestNumber\", \"bestRoot\","
            + " \"segments\"}…], \"superSegments\", \"globalPieces\"}. Works while the node runs.")
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode();
    try (ChainStorage storage = dataDir.openReadOnly()) {
      ProtocolParameters params = storage.params();
      ArrayNode shards = json.putArray("shards");
      for (ShardIndex shard : shardsOf(params)) {
        ObjectNode entry = shards.addObject();
        entry.put("shard", Integer.toUnsignedLong(shard.value()));
        entry.put("kind", shard.kind().name().toLowerCase(Locale.ROOT));
        Optional<ChainHead> head = storage.bestChain(shard);
        if (head.isPresent()) {
          entry.put("bestNumber", unsigned(head.get().number().value()));
          entry.put("bestRoot", head.get().root().toHex());
        } else {
          entry.putNull("bestNumber");
          entry.putNull("bestRoot");
        }
        entry.put("segments", storage.segmentCount(shard));
      }
      Optional<SuperSegmentHeader> last = storage.lastSuperSegmentHeader();
      json.put(
          "superSegments", last.map(h -> unsigned(h.index().value() + 1)).orElse(BigInteger.ZERO));
      json.put(
          "globalPieces",
          last.map(
                  h ->
                      unsigned(h.maxSegmentIndex().value() + 1)
                          .multiply(BigInteger.valueOf(params.piecesPerSegment())))
              .orElse(BigInteger.ZERO));
    }
    spec.commandLine().getOut().println(json);
    return 0;
  }

  /** The beacon chain, then intermediate shards, then leaf shards in leaf order. */
  static List<ShardIndex> shardsOf(ProtocolParameters params) {
    List<ShardIndex> shards = new ArrayList<>();
    shards.add(ShardIndex.BEACON);
    shards.addAll(params.numShards().intermediateShardIndices());
    shards.addAll(params.numShards().leafShardIndices());
    return shards;
  }

  private static BigInteger unsigned(long value) {
    return new BigInteger(Long.toUnsignedString(value));
  }
}
