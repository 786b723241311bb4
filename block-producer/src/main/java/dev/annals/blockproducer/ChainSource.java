package dev.annals.blockproducer;

import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.OwnSegments;
import java.util.Optional;

/**
 * What every producer asks of the node about the chains it builds on. The node implements it over
 * its storage and archiver tasks; producers never read storage themselves.
 */
public interface ChainSource {
  /** The best block of {@code shard}, which the next block extends. */
  ChainTip tip(ShardIndex shard);

  /**
   * The segment roots the shard's archiver produced since its last block that the next block must
   * carry (docs/SHARD-CHAINS.md §7), or empty.
   */
  Optional<OwnSegments> ownSegmentsForNextBlock(ShardIndex shard);

  /** The best beacon block, which intermediate and leaf blocks name (SHARD-CHAINS §4). */
  BeaconChainInfo beaconChainInfo();
}
