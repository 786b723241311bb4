package dev.annals.node.archiving;

import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.DatabaseCorruptionException;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Follows parent roots through stored headers. The blocks a shard has confirmed are found this way
 * from a block the caller names (a new head, or the parent of a block being built) rather than by
 * number, because several stored blocks may share a number on forks.
 */
public final class ChainWalker {
  private final ChainStorage storage;

  public ChainWalker(ChainStorage storage) {
    this.storage = storage;
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
    Hash root = from;
    BlockHeader header = header(root);
    long number = header.prefix().number().value();
    if (target.value() > number) {
      throw new IllegalArgumentException(
          "ancestor number: must be at most the block's own number "
              + number
              + " (value "
              + target
              + ")");
    }
    while (number > target.value()) {
      Hash parent = header.prefix().parentRoot();
      header = header(parent);
      long parentNumber = header.prefix().number().value();
      if (parentNumber != number - 1) {
        throw new DatabaseCorruptionException(
            "block "
                + root
                + " number "
                + number
                + " names parent "
                + parent
                + " whose number is "
                + parentNumber
                + " in "
                + storage.database().path());
      }
      root = parent;
      number = parentNumber;
    }
    return root;
  }

  /**
   * The roots of the blocks numbered {@code first} through {@code from}'s own number on {@code
   * from}'s chain, in ascending number order.
   */
  public List<Hash> roots(Hash from, BlockNumber first) {
    BlockHeader header = header(from);
    long number = header.prefix().number().value();
    if (first.value() > number) {
      return List.of();
    }
    List<Hash> out = new ArrayList<>(Math.toIntExact(number - first.value() + 1));
    Hash root = from;
    out.add(root);
    while (number > first.value()) {
      root = header.prefix().parentRoot();
      header = header(root);
      number--;
      if (header.prefix().number().value() != number) {
        throw new DatabaseCorruptionException(
            "block "
                + root
                + " is the parent of a block numbered "
                + (number + 1)
                + " but is numbered "
                + header.prefix().number()
                + " in "
                + storage.database().path());
      }
      out.add(root);
    }
    Collections.reverse(out);
    return out;
  }
}
