package dev.annals.node.storage;

import dev.annals.genesis.GenesisBlock;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.ShardIndex;
import java.util.List;

/**
 * Puts a chain's genesis blocks into a fresh database, or checks that an existing one holds the
 * same ones. All genesis blocks and best-chain heads go in one batch, so a crash leaves either none
 * or all.
 */
public final class GenesisWriter {
  private GenesisWriter() {}

  /**
   * Writes the genesis blocks when the database has none; returns whether it wrote them.
   *
   * @throws DatabaseMismatchException the database holds other genesis blocks (for example from a
   *     build whose genesis construction differs)
   * @throws DatabaseCorruptionException some shards have a genesis and others not
   */
  public static boolean ensure(ChainStorage storage, GenesisBlocks genesis) {
    List<GenesisBlock> blocks = genesis.all();
    int present = 0;
    for (GenesisBlock block : blocks) {
      ShardIndex shard = block.header().prefix().shardIndex();
      List<?> roots = storage.blockRoots(shard, BlockNumber.ZERO);
      if (roots.isEmpty()) {
        continue;
      }
      if (!roots.equals(List.of(block.root()))) {
        throw new DatabaseMismatchException(
            "data directory "
                + storage.database().path().getParent()
                + " holds genesis "
                + roots
                + " for shard "
                + shard
                + ", this build derives genesis "
                + block.root()
                + " for chain "
                + genesis.spec().name());
      }
      present++;
    }
    if (present == blocks.size()) {
      return false;
    }
    if (present != 0) {
      throw storage
          .database()
          .corruption(
              "genesis blocks exist for "
                  + present
                  + " of "
                  + blocks.size()
                  + " shards, but they are written in one batch");
    }
    try (BlockWrite write = storage.beginWrite()) {
      for (GenesisBlock block : blocks) {
        write.putBlock(block.root(), block.header(), block.body());
        write.setBestChain(
            block.header().prefix().shardIndex(), new ChainHead(BlockNumber.ZERO, block.root()));
      }
      write.commit();
    }
    return true;
  }
}
