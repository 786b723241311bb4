package dev.annals.node.archiving;

import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.DatabaseCorruptionException;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows parent roots through stored headers. The blocks a shard has confirmed are found this way
 * from a block the caller names (a new head, or the parent of a block being built) rather than by
 * number, because several stored blocks may share a number on forks. Keeps the parent links of
 * recent blocks in memory (a root fixes them); not thread-safe.
 */
public final class ChainWalker {
  /** Parent links of recently walked blocks: a block's root fixes its number and parent. */
  private static final int CACHED_LINKS = 4096;

  private final ChainStorage storage;
  private final Map<Hash, Link> links =
      new LinkedHashMap<>(CACHED_LINKS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Link> eldest) {
          return size() > CACHED_LINKS;
        }
      };

  public ChainWalker(ChainStorage storage) {
    this.storage = storage;
  }

  private record Link(long number, Hash parent) {}

  /** The number and parent of the stored block {@code root}, from the cache or its header. */
  private Link link(Hash root) {
    Link link = links.get(root);
    if (link == null) {
      BlockHeader header = header(root);
      link = new Link(header.prefix().number().value(), header.prefix().parentRoot());
      links.put(root, link);
    }
    return link;
  }

  /** The stored header under {@code root}; a missing one is an error naming it. */
  public BlockHeader header(Hash root) {
    return storage
        .header(root)
        .orElseThrow(
            () ->
                new IllegalArgumentException("block " + root + ": not in storage (unknown root)"));
  }

  /** The stored body under {@code root}; a header without a body is corruption. */
  public BlockBody body(Hash root) {
    return storage
        .body(root)
        .orElseThrow(
            () ->
                new DatabaseCorruptionException(
                    "block "
                        + root
                        + " has a stored header but no body in "
                        + storage.database().path()));
  }

  /**
   * The root of the ancestor numbered {@code target} of the stored block {@code from} (itself when
   * the numbers are equal).
   */
  public Hash ancestor(Hash from, BlockNumber target) {
    Link link = link(from);
    if (target.value() > link.number()) {
      throw new IllegalArgumentException(
          "ancestor number: must be at most the block's own number "
              + link.number()
              + " (value "
              + target
              + ")");
    }
    Hash root = from;
    while (link.number() > target.value()) {
      root = parentOf(root, link);
      link = link(root);
    }
    return root;
  }

  /**
   * The roots of the blocks numbered {@code first} through {@code from}'s own number on {@code
   * from}'s chain, in ascending number order.
   */
  public List<Hash> roots(Hash from, BlockNumber first) {
    Link link = link(from);
    if (first.value() > link.number()) {
      return List.of();
    }
    List<Hash> out = new ArrayList<>(Math.toIntExact(link.number() - first.value() + 1));
    Hash root = from;
    out.add(root);
    while (link.number() > first.value()) {
      root = parentOf(root, link);
      link = link(root);
      out.add(root);
    }
    Collections.reverse(out);
    return out;
  }

  /** The parent of {@code root}, checked to be numbered one less. */
  private Hash parentOf(Hash root, Link link) {
    Hash parent = link.parent();
    long parentNumber = link(parent).number();
    if (parentNumber != link.number() - 1) {
      throw new DatabaseCorruptionException(
          "block "
              + root
              + " number "
              + link.number()
              + " names parent "
              + parent
              + " whose number is "
              + parentNumber
              + " in "
              + storage.database().path());
    }
    return parent;
  }
}
