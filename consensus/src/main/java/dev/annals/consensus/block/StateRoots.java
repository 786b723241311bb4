package dev.annals.consensus.block;

import dev.annals.kernel.merkle.MerkleNodes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.codec.ByteWriter;
import java.nio.charset.StandardCharsets;

/**
 * State roots, while Annals executes no transactions: a leaf shard's state root is a running
 * commitment to every transaction it has included, in order; beacon and intermediate shards keep
 * their genesis state root. See docs/SHARD-CHAINS.md §6.
 */
public final class StateRoots {
  private static final byte[] GENESIS_DOMAIN =
      "annals-genesis-state-v1".getBytes(StandardCharsets.US_ASCII);

  private StateRoots() {}

  /**
   * The state root of shard {@code shard}'s genesis block under a chain spec: {@code
   * H("annals-genesis-state-v1" ‖ chain spec digest ‖ shard u32 LE)}.
   */
  public static Hash genesis(Hash chainSpecDigest, ShardIndex shard) {
    return Hash.blake3(
        new ByteWriter(GENESIS_DOMAIN.length + Hash.SIZE + 4)
            .bytes(GENESIS_DOMAIN)
            .hash(chainSpecDigest)
            .u32(shard.value())
            .toByteArray());
  }

  /** The state root of a block with this body on top of a parent with {@code parentStateRoot}. */
  public static Hash after(Hash parentStateRoot, BlockBody body) {
    return switch (body) {
      case LeafBlockBody leaf ->
          Hash.wrap(MerkleNodes.pair(parentStateRoot.toBytes(), leaf.transactionsRoot().toBytes()));
      default -> parentStateRoot;
    };
  }
}
