package dev.annals.node.devnet;

import dev.annals.node.chain.TransactionPool;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The devnet's synthetic transaction load: every slot, {@code bytesPerSlot} random bytes to each
 * leaf shard's pool, split into transactions of at most {@link #MAX_TRANSACTION_BYTES}.
 */
final class TransactionLoad {
  /** Size of one load transaction at most (also the pool's limit). */
  static final int MAX_TRANSACTION_BYTES = 8192;

  private final int bytesPerSlot;
  private final List<ShardIndex> leaves;
  private final TransactionPool pool;
  private final SplittableRandom random = new SplittableRandom(7);

  TransactionLoad(int bytesPerSlot, List<ShardIndex> shards, TransactionPool pool) {
    this.bytesPerSlot = bytesPerSlot;
    this.leaves = shards.stream().filter(s -> s.kind() == ShardKind.LEAF).toList();
    this.pool = pool;
  }

  void submitSlot() {
    if (bytesPerSlot == 0) {
      return;
    }
    for (ShardIndex shard : leaves) {
      // Split into transactions the pool takes; a full pool refuses the rest (the load outruns
      // the shard's blocks).
      for (int left = bytesPerSlot; left > 0; left -= MAX_TRANSACTION_BYTES) {
        byte[] tx = new byte[Math.min(left, MAX_TRANSACTION_BYTES)];
        synchronized (random) {
          random.nextBytes(tx);
        }
        if (!pool.submit(shard, Bytes.wrap(tx))) {
          break;
        }
      }
    }
  }
}
