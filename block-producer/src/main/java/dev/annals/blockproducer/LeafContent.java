package dev.annals.blockproducer;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.ShardIndex;
import java.util.List;

/** What only a leaf block carries: opaque transactions, taken from the node's pool. */
public interface LeafContent {
  /** Transactions for the next block of {@code leaf}, at most {@code maxBytes} of them in all. */
  List<Bytes> transactionsForNextBlock(ShardIndex leaf, int maxBytes);
}
