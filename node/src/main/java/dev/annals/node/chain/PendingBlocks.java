package dev.annals.node.chain;

import dev.annals.primitives.Hash;
import dev.annals.primitives.block.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocks held back because a rule could not be checked yet, keyed by what each waits for (a block
 * root, new proof-of-time slots, or anything at all). Bounded: when full, the block held longest is
 * dropped (a peer or the producer sends it again). Not thread-safe; the importer holds the chain
 * lock.
 */
final class PendingBlocks {
  /** What a held-back block waits for. */
  sealed interface Waiting {
    /** A block with this root (parent, named beacon block, child block). */
    record ForBlock(Hash root) implements Waiting {}

    /** Proof-of-time outputs of slots not known yet. */
    record ForSlots() implements Waiting {}

    /** Something the rules do not name precisely (an ancestor, a super segment): any import. */
    record ForAnyImport() implements Waiting {}
  }

  private record Held(Block block, Waiting waiting) {}

  private final int capacity;
  private final LinkedHashMap<Hash, Held> byRoot = new LinkedHashMap<>();
  private final Map<Waiting, Set<Hash>> byWaiting = new HashMap<>();
  private long dropped;

  PendingBlocks(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "pending blocks capacity: must be positive (value " + capacity + ")");
    }
    this.capacity = capacity;
  }

  boolean contains(Hash root) {
    return byRoot.containsKey(root);
  }

  void hold(Hash root, Block block, Waiting waiting) {
    remove(root);
    while (byRoot.size() >= capacity) {
      remove(byRoot.keySet().iterator().next());
      dropped++;
    }
    byRoot.put(root, new Held(block, waiting));
    byWaiting.computeIfAbsent(waiting, w -> new LinkedHashSet<>()).add(root);
  }

  /** Takes out every block waiting for {@code waiting}, in the order they were held. */
  List<Block> release(Waiting waiting) {
    Set<Hash> roots = byWaiting.remove(waiting);
    List<Block> out = new ArrayList<>();
    if (roots != null) {
      for (Hash root : roots) {
        out.add(byRoot.remove(root).block());
      }
    }
    return out;
  }

  private void remove(Hash root) {
    Held held = byRoot.remove(root);
    if (held != null) {
      Set<Hash> set = byWaiting.get(held.waiting());
      set.remove(root);
      if (set.isEmpty()) {
        byWaiting.remove(held.waiting());
      }
    }
  }

  int size() {
    return byRoot.size();
  }

  long dropped() {
    return dropped;
  }
}
