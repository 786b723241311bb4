package dev.annals.primitives;

import java.util.ArrayList;
import java.util.List;

/**
 * How many shards exist: intermediate shards (1..=1023) and leaf shards under each (1..=1023; a
 * leaf number must fit the 10 bits above the parent in a shard index, so Annals is stricter than
 * Abundance, which only bounds the product by 2^20). Encoded as two u16.
 */
public record NumShards(int intermediateShards, int leafShardsPerIntermediate) {
  public NumShards {
    if (intermediateShards < 1 || intermediateShards > ShardIndex.MAX_INTERMEDIATE) {
      throw new IllegalArgumentException(
          "num_shards.intermediate_shards: must be in 1..=1023 (value " + intermediateShards + ")");
    }
    if (leafShardsPerIntermediate < 1 || leafShardsPerIntermediate > ShardIndex.MAX_LEAF_NUMBER) {
      throw new IllegalArgumentException(
          "num_shards.leaf_shards_per_intermediate_shard: must be in 1..=1023 (value "
              + leafShardsPerIntermediate
              + ")");
    }
  }

  public int leafShards() {
    return intermediateShards * leafShardsPerIntermediate;
  }

  public List<ShardIndex> intermediateShardIndices() {
    List<ShardIndex> out = new ArrayList<>(intermediateShards);
    for (int i = 1; i <= intermediateShards; i++) {
      out.add(ShardIndex.intermediate(i));
    }
    return out;
  }

  /** Leaf shards in leaf order: by intermediate shard, then by leaf number from 1. */
  public List<ShardIndex> leafShardIndices() {
    List<ShardIndex> out = new ArrayList<>(leafShards());
    for (ShardIndex parent : intermediateShardIndices()) {
      for (int leaf = 1; leaf <= leafShardsPerIntermediate; leaf++) {
        out.add(ShardIndex.leaf(parent, leaf));
      }
    }
    return out;
  }

  /** Whether {@code shard} exists under these counts. */
  public boolean contains(ShardIndex shard) {
    return switch (shard.kind()) {
      case BEACON -> true;
      case INTERMEDIATE -> shard.value() <= intermediateShards;
      case LEAF ->
          shard.parent().value() <= intermediateShards
              && shard.leafNumber() <= leafShardsPerIntermediate;
      case PHANTOM -> false;
    };
  }
}
