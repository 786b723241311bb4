package dev.annals.primitives.block;

import dev.annals.primitives.ShardKind;
import java.util.Locale;

/** Constructor checks shared by the three header kinds. */
final class HeaderChecks {
  private HeaderChecks() {}

  static void check(
      ShardKind kind,
      BlockHeaderPrefix prefix,
      BlockHeaderResult result,
      ConsensusInfo consensusInfo,
      Seal seal) {
    if (prefix == null || result == null || consensusInfo == null || seal == null) {
      throw new IllegalArgumentException(
          kind.name().toLowerCase(Locale.ROOT) + " header: every field must be set (value null)");
    }
    if (prefix.shardIndex().kind() != kind) {
      throw new IllegalArgumentException(
          "prefix.shard_index: a "
              + kind
              + " header needs a "
              + kind
              + " shard (value "
              + prefix.shardIndex()
              + ", a "
              + prefix.shardIndex().kind()
              + " shard)");
    }
  }
}
