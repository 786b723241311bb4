package dev.annals.consensus.block;

import dev.annals.consensus.solution.SuperSegments;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.OwnSegments;
import java.util.Optional;

/**
 * What the block rules read from the node's storage and import state. "Known" means imported and
 * found valid (a shard's genesis block is known from the start). Every lookup answers for the local
 * node at the time of the call; an empty answer for something a rule needs makes the block "not yet
 * verifiable" ({@link MissingDependencyException}), not invalid.
 */
public interface ChainView extends SuperSegments {
  /** The header of a known block of any shard. */
  Optional<BlockHeader> header(Hash blockRoot);

  /**
   * The root of the Merkle mountain range over the block roots of a known block's shard chain, from
   * its genesis block through that block inclusive (what a child of that block carries as {@code
   * mmr_root}).
   */
  Optional<Hash> mmrRootThrough(Hash blockRoot);

  /**
   * The header numbered {@code number} on the chain that ends at the known block {@code
   * descendantRoot} (the block itself included), of the same shard.
   */
  Optional<BlockHeader> ancestor(Hash descendantRoot, BlockNumber number);

  /**
   * The own segments a known block's body carried; empty when it carried none. Only asked for
   * blocks {@link #header} knows.
   */
  Optional<OwnSegments> ownSegments(Hash blockRoot);

  /**
   * The root of the block of {@code childShard} most recently included by the chain that ends at
   * the known block {@code tipRoot} (the tip included); the child shard's genesis root when that
   * chain has included none.
   */
  Hash lastIncludedChild(Hash tipRoot, ShardIndex childShard);

  /** The proof-of-time output of {@code slot} on the beacon proof-of-time chain, if known yet. */
  Optional<Bytes> potOutput(Slot slot);

  /**
   * The own segments the local archiver produced for the block of {@code shard} that extends the
   * known block {@code parentRoot} (empty when it produced none). The importer archives a shard's
   * confirmed blocks before verifying the block that must carry their segments.
   */
  Optional<OwnSegments> expectedOwnSegments(ShardIndex shard, Hash parentRoot);

  /**
   * The history size (global segments archived into super segments) as of the known beacon block
   * {@code beaconRoot}: the largest history size a solution judged at that block may commit to.
   */
  Optional<HistorySize> historySizeAt(Hash beaconRoot);
}
