package dev.annals.supersegment;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Kernels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain model of a super segment's tree, written from the protocol text alone:
 * leaves hashed from a ByteBuffer, each level kept as a list, proofs read off the lists.
 */
final class NaiveSuperSegmentTree {
  private static final Blake3 BLAKE3 = Kernels.blake3();
  private static final byte[] KEY =
      BLAKE3.hash("merkle-tree-inner-node".getBytes(StandardCharsets.US_ASCII));

  private final List<List<byte[]>> levels = new ArrayList<>();

  NaiveSuperSegmentTree(List<ShardSegmentRoot> segments) {
    List<byte[]> level = new ArrayList<>();
    for (int p = 0; p < segments.size(); p++) {
      level.add(leaf(segments.get(p), p));
    }
    levels.add(level);
    while (level.size() > 1) {
      List<byte[]> up = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        up.add(i + 1 < level.size() ? pair(level.get(i), level.get(i + 1)) : level.get(i));
      }
      levels.add(up);
      level = up;
    }
  }

  static byte[] leaf(ShardSegmentRoot s, int position) {
    ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(s.shard().value()).putInt(position).putLong(s.localIndex().value());
    b.put(s.root().toBytes());
    return BLAKE3.hash(b.array());
  }

  static byte[] pair(byte[] l, byte[] r) {
    byte[] both = new byte[64];
    System.arraycopy(l, 0, both, 0, 32);
    System.arraycopy(r, 0, both, 32, 32);
    return BLAKE3.keyedHash(KEY, both);
  }

  byte[] root() {
    return levels.getLast().getFirst();
  }

  /** Siblings bottom up, skipping levels where the node had none. */
  byte[] proof(int position) {
    List<byte[]> siblings = new ArrayList<>();
    int i = position;
    for (int l = 0; l < levels.size() - 1; l++) {
      List<byte[]> level = levels.get(l);
      int sibling = i % 2 == 0 ? i + 1 : i - 1;
      if (sibling < level.size()) {
        siblings.add(level.get(sibling));
      }
      i /= 2;
    }
    byte[] out = new byte[siblings.size() * 32];
    for (int k = 0; k < siblings.size(); k++) {
      System.arraycopy(siblings.get(k), 0, out, k * 32, 32);
    }
    return out;
  }
}
