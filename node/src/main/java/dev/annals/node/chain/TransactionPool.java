package dev.annals.node.chain;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opaque leaf-shard transactions waiting for a block, per leaf shard in arrival order, bounded in
 * count per shard (a full shard refuses new ones). A transaction leaves the pool when a block that
 * includes it becomes its shard's best block, not when a producer reads it, so a block that is
 * never imported loses nothing. Thread-safe.
 */
public final class TransactionPool {
  private final int maxPerShard;
  private final int maxTransactionBytes;
  private final Map<ShardIndex, ArrayDeque<Bytes>> byShard = new HashMap<>();

  public TransactionPool(int maxPerShard, int maxTransactionBytes) {
    if (maxPerShard < 1 || maxTransactionBytes < 1) {
      throw new IllegalArgumentException(
          "transaction pool: limits must be positive (values "
              + maxPerShard
              + ", "
              + maxTransactionBytes
              + ")");
    }
    this.maxPerShard = maxPerShard;
    this.maxTransactionBytes = maxTransactionBytes;
  }

  /**
   * Adds a transaction for {@code shard}; false when that shard's pool is full.
   *
   * @throws IllegalArgumentException not a leaf shard, an empty or oversized transaction
   */
  public synchronized boolean submit(ShardIndex shard, Bytes transaction) {
    if (shard.kind() != ShardKind.LEAF) {
      throw new IllegalArgumentException(
          "shard: transactions go to leaf shards only (value "
              + shard
              + ", a "
              + shard.kind()
              + " shard)");
    }
    if (transaction.length() == 0 || transaction.length() > maxTransactionBytes) {
      throw new IllegalArgumentException(
          "transaction: must be 1.."
              + maxTransactionBytes
              + " bytes (value "
              + transaction.length()
              + " bytes)");
    }
    ArrayDeque<Bytes> queue = byShard.computeIfAbsent(shard, s -> new ArrayDeque<>());
    if (queue.size() >= maxPerShard) {
      return false;
    }
    queue.addLast(transaction);
    return true;
  }

  /** The oldest transactions of {@code shard} that fit in {@code maxBytes} together, in order. */
  public synchronized List<Bytes> peek(ShardIndex shard, int maxBytes) {
    List<Bytes> out = new ArrayList<>();
    long used = 0;
    for (Bytes tx : byShard.getOrDefault(shard, new ArrayDeque<>())) {
      if (used + tx.length() > maxBytes) {
        break;
      }
      used += tx.length();
      out.add(tx);
    }
    return out;
  }

  /** Drops the transactions a new best block of {@code shard} included. */
  public synchronized void removeIncluded(ShardIndex shard, List<Bytes> included) {
    ArrayDeque<Bytes> queue = byShard.get(shard);
    if (queue == null || included.isEmpty()) {
      return;
    }
    Set<Bytes> set = new HashSet<>(included);
    queue.removeIf(set::remove);
  }

  public synchronized int size(ShardIndex shard) {
    ArrayDeque<Bytes> queue = byShard.get(shard);
    return queue == null ? 0 : queue.size();
  }
}
