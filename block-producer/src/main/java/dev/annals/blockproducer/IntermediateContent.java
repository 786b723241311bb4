package dev.annals.blockproducer;

import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.LeafBlockInfo;
import java.util.List;

/** What only an intermediate block carries. */
public interface IntermediateContent {
  /**
   * Blocks of {@code intermediate}'s leaf shards not yet included on its tip's chain, in inclusion
   * order (leaf shard ascending, then number), each with its proven own segments.
   */
  List<LeafBlockInfo> leafBlocksForNextBlock(ShardIndex intermediate);
}
