package dev.annals.blockproducer;

import dev.annals.primitives.Hash;
import dev.annals.primitives.block.BlockHeader;

/**
 * The block a new block of the same shard builds on: its header, its root, and the root of the
 * shard's block MMR with it appended (the new block's {@code mmr_root}).
 */
public record ChainTip(BlockHeader header, Hash root, Hash mmrRootThroughTip) {
  public ChainTip {
    if (header == null || root == null || mmrRootThroughTip == null) {
      throw new IllegalArgumentException("chain tip: every field must be set (value null)");
    }
  }
}
