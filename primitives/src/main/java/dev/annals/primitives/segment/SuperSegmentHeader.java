package dev.annals.primitives.segment;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.U64;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;

/**
 * A super segment header, 92 bytes: index u64 @0, root @8, previous super segment header hash @40,
 * max global segment index u64 @72, target beacon block number u64 @80, segment count u32 @88. Its
 * hash is BLAKE3 of the 92 bytes.
 *
 * <p>The segment count is 1..=2^20 − 1 (a super segment with no segments does not exist) and must
 * not exceed {@code max segment index + 1}, since the first segment's global index is {@code max −
 * count + 1}.
 */
public record SuperSegmentHeader(
    SuperSegmentIndex index,
    Hash root,
    Hash previousHeaderHash,
    GlobalSegmentIndex maxSegmentIndex,
    BlockNumber targetBeaconBlockNumber,
    int segmentCount) {
  public static final int SIZE = 92;

  public SuperSegmentHeader {
    if (index == null
        || root == null
        || previousHeaderHash == null
        || maxSegmentIndex == null
        || targetBeaconBlockNumber == null) {
      throw new IllegalArgumentException(
          "super_segment_header: every field must be set (value null)");
    }
    checkCount(segmentCount, maxSegmentIndex.value());
  }

  private static void checkCount(long count, long maxSegmentIndex) {
    if (count < 1 || count > SegmentPosition.MAX_SEGMENTS_PER_SUPER_SEGMENT) {
      throw new IllegalArgumentException(
          "super_segment_header.num_segments: must be in 1..=1048575 (value " + count + ")");
    }
    // count − 1 ≤ max, as unsigned
    if (Long.compareUnsigned(count - 1, maxSegmentIndex) > 0) {
      throw new IllegalArgumentException(
          "super_segment_header.num_segments: exceeds max_segment_index + 1 = "
              + U64.toString(maxSegmentIndex)
              + " + 1 (value "
              + count
              + ")");
    }
  }

  /** Global index of this super segment's first segment. */
  public GlobalSegmentIndex firstSegmentIndex() {
    return new GlobalSegmentIndex(maxSegmentIndex.value() - segmentCount + 1);
  }

  /** Global index of the segment at {@code position} in this super segment. */
  public GlobalSegmentIndex segmentIndexAt(SegmentPosition position) {
    if (position.value() >= segmentCount) {
      throw new IllegalArgumentException(
          "segment_position: must be below num_segments "
              + segmentCount
              + " (value "
              + position.value()
              + ")");
    }
    return new GlobalSegmentIndex(firstSegmentIndex().value() + position.value());
  }

  public byte[] encode() {
    ByteWriter w = new ByteWriter(SIZE);
    w.u64(index.value())
        .hash(root)
        .hash(previousHeaderHash)
        .u64(maxSegmentIndex.value())
        .u64(targetBeaconBlockNumber.value())
        .u32(segmentCount);
    return w.toByteArray();
  }

  public static SuperSegmentHeader decode(byte[] bytes) {
    ByteReader r = new ByteReader(bytes);
    long index = r.u64("index");
    Hash root = r.hash("root");
    Hash previous = r.hash("prev_super_segment_header_hash");
    long max = r.u64("max_segment_index");
    long target = r.u64("target_beacon_block_number");
    long count = r.u32("num_segments");
    r.expectEnd("super_segment_header");
    try {
      checkCount(count, max);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("num_segments", Long.toString(count), e.getMessage());
    }
    return new SuperSegmentHeader(
        new SuperSegmentIndex(index),
        root,
        previous,
        new GlobalSegmentIndex(max),
        new BlockNumber(target),
        (int) count);
  }

  public Hash hash() {
    return Hash.blake3(encode());
  }
}
