package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Roots of the child shards' blocks a header references: count u16, 2 zero bytes, then the roots.
 * Its hash for the block root is the unbalanced root over {@code H(child root)}, zero for none.
 */
public record ChildBlockRoots(List<Hash> roots) {
  public static final int MAX = 0xFFFF;
  public static final ChildBlockRoots NONE = new ChildBlockRoots(List.of());

  public ChildBlockRoots {
    if (roots == null || roots.size() > MAX) {
      throw new IllegalArgumentException(
          "child_shard_blocks: at most 65535 roots (value "
              + (roots == null ? null : roots.size())
              + ")");
    }
    roots = List.copyOf(roots);
  }

  public int encodedSize() {
    return 4 + Hash.SIZE * roots.size();
  }

  void encodeTo(ByteWriter w) {
    w.u16(roots.size()).zeros(2);
    for (Hash root : roots) {
      w.hash(root);
    }
  }

  static ChildBlockRoots decodeFrom(ByteReader r) {
    int count = r.u16("count");
    r.zeros("padding", 2);
    List<Hash> roots = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      roots.add(r.hash("roots[" + i + "]"));
    }
    return new ChildBlockRoots(roots);
  }

  public Hash root() {
    return MerkleRoots.rehashedRootOrZero(roots);
  }
}
