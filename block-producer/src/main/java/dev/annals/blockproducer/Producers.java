package dev.annals.blockproducer;

import dev.annals.primitives.ShardKind;

/** Checks shared by the producers. */
final class Producers {
  private Producers() {}

  static void requireKind(SlotClaim claim, ShardKind kind) {
    if (claim.shard().kind() != kind) {
      throw new IllegalArgumentException(
          "slot claim.shard: a "
              + kind
              + " producer builds "
              + kind
              + " blocks only (value "
              + claim.shard()
              + ", a "
              + claim.shard().kind()
              + " shard)");
    }
  }
}
