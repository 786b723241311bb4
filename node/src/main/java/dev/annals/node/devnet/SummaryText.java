package dev.annals.node.devnet;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The devnet summary as text: a block of lines for a terminal, or one line for a log. */
public final class SummaryText {
  private SummaryText() {}

  /** One line per shard, then super segments and pieces, then identities. */
  public static List<String> lines(DevnetSummary s, long elapsedSeconds) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "annals devnet  slot %d  up %ds  rejected %d  replots %d",
            s.slot(),
            elapsedSeconds,
            s.rejected(),
            s.replots()));
    out.add(
        String.format(
            Locale.ROOT, "%-6s %-13s %8s %8s %9s", "shard", "kind", "head", "blocks", "segments"));
    for (ShardSummary shard : s.shards()) {
      out.add(
          String.format(
              Locale.ROOT,
              "%-6d %-13s %8d %8d %9d",
              shard.shard().value(),
              shard.shard().kind().name().toLowerCase(Locale.ROOT),
              shard.headNumber(),
              shard.blocksImported(),
              shard.segments()));
    }
    out.add(
        String.format(
            Locale.ROOT,
            "super segments %d  global pieces %d  leaf segment -> super segment %s",
            s.superSegments(),
            s.globalPieces(),
            s.leafToSuperSegmentMillis() < 0
                ? "n/a"
                : String.format(
                    Locale.ROOT,
                    "%.0f ms (mean of %d)",
                    s.leafToSuperSegmentMillis(),
                    s.leafSegmentsLanded())));
    for (Map.Entry<Hash, Set<ShardIndex>> e : s.leafShardsByIdentity().entrySet()) {
      out.add(
          "identity " + e.getKey().toHex().substring(0, 8) + " farms leaf " + shards(e.getValue()));
    }
    return out;
  }

  /** Everything on one line. */
  public static String line(DevnetSummary s, long elapsedSeconds) {
    StringBuilder b =
        new StringBuilder(String.format(Locale.ROOT, "slot %d up %ds", s.slot(), elapsedSeconds));
    for (ShardSummary shard : s.shards()) {
      b.append(
          String.format(
              Locale.ROOT,
              " | %d %s #%d b%d s%d",
              shard.shard().value(),
              shard.shard().kind().name().substring(0, 1).toLowerCase(Locale.ROOT),
              shard.headNumber(),
              shard.blocksImported(),
              shard.segments()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            " | super segments %d pieces %d rejected %d replots %d",
            s.superSegments(),
            s.globalPieces(),
            s.rejected(),
            s.replots()));
    if (s.leafToSuperSegmentMillis() >= 0) {
      b.append(String.format(Locale.ROOT, " leaf->ss %.0f ms", s.leafToSuperSegmentMillis()));
    }
    b.append(" | farms");
    for (Map.Entry<Hash, Set<ShardIndex>> e : s.leafShardsByIdentity().entrySet()) {
      b.append(' ').append(e.getKey().toHex(), 0, 8).append("->").append(shards(e.getValue()));
    }
    return b.toString();
  }

  private static String shards(Set<ShardIndex> shards) {
    if (shards.isEmpty()) {
      return "(no sector plotted yet)";
    }
    return shards.stream().map(x -> Integer.toString(x.value())).collect(Collectors.joining(","));
  }
}
