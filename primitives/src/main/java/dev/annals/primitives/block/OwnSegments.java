package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.codec.LittleEndian;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shard's new segment roots in a block (1..=255 of them, consecutive local indices from {@code
 * firstLocalIndex}). In a body: count u8 (0 = none), then if non-zero the first local index u64 and
 * the roots.
 */
public record OwnSegments(LocalSegmentIndex firstLocalIndex, List<Hash> segmentRoots) {
  public static final int MAX = 255;

  public OwnSegments {
    if (firstLocalIndex == null || segmentRoots == null) {
      throw new IllegalArgumentException("own_segments: every field must be set (value null)");
    }
    if (segmentRoots.isEmpty() || segmentRoots.size() > MAX) {
      throw new IllegalArgumentException(
          "own_segments.segment_roots: must hold 1..=255 roots (value "
              + segmentRoots.size()
              + ")");
    }
    if (Long.compareUnsigned(firstLocalIndex.value(), -1L - (segmentRoots.size() - 1)) > 0) {
      throw new IllegalArgumentException(
          "own_segments.first_local_segment_index: last index overflows u64 (value "
              + firstLocalIndex
              + ")");
    }
    segmentRoots = List.copyOf(segmentRoots);
  }

  /** {@code pair(H(first index u64), segments root)}. */
  public Hash root() {
    byte[] index = new byte[8];
    LittleEndian.putLong(index, 0, firstLocalIndex.value());
    return MerkleRoots.pair(Hash.blake3(index), segmentsRoot());
  }

  /** {@code pair(H(shard u32 ‖ first index u64), segments root)}: a child shard's segments. */
  public Hash rootWithShard(ShardIndex shard) {
    byte[] both = new byte[12];
    LittleEndian.putInt(both, 0, shard.value());
    LittleEndian.putLong(both, 4, firstLocalIndex.value());
    return MerkleRoots.pair(Hash.blake3(both), segmentsRoot());
  }

  private Hash segmentsRoot() {
    return MerkleRoots.rehashedRootOrZero(segmentRoots);
  }

  static void encodeOptional(ByteWriter w, Optional<OwnSegments> segments) {
    if (segments.isEmpty()) {
      w.u8(0);
      return;
    }
    w.u8(segments.get().segmentRoots.size());
    segments.get().encodeIndexAndRoots(w);
  }

  void encodeIndexAndRoots(ByteWriter w) {
    w.u64(firstLocalIndex.value());
    for (Hash root : segmentRoots) {
      w.hash(root);
    }
  }

  static Optional<OwnSegments> decodeOptional(ByteReader r) {
    int count = r.u8("own_segments.count");
    return count == 0
        ? Optional.empty()
        : Optional.of(decodeIndexAndRoots(r, "own_segments.", count));
  }

  static OwnSegments decodeIndexAndRoots(ByteReader r, String scope, int count) {
    long first = r.u64(scope + "first_local_segment_index");
    List<Hash> roots = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      roots.add(r.hash(scope + "segment_roots[" + i + "]"));
    }
    if (Long.compareUnsigned(first, -1L - (count - 1)) > 0) {
      throw new DecodeException(
          r.field(scope + "first_local_segment_index"),
          Long.toUnsignedString(first),
          "last segment index overflows u64");
    }
    return new OwnSegments(new LocalSegmentIndex(first), roots);
  }
}
