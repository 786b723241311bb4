package dev.annals.node.archiving;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;

/**
 * What a shard's archiver task persists (in {@code archiver_state}, with the segments of the same
 * step, in one batch): the last block fed to the archiver, by number and root, and the local index
 * the next segment will get. The rest of the archiver's state is the last stored segment header and
 * the blocks after the one it names, which are re-read on resume.
 *
 * <p>Value (49 bytes): version u8 = 1 ‖ fed-through block number u64 LE ‖ its root (32) ‖ next
 * segment index u64 LE. Absent means nothing was fed yet.
 */
public record ArchiverState(BlockNumber fedThrough, Hash fedRoot, long nextSegmentIndex) {
  public static final int SIZE = 49;
  private static final int VERSION = 1;

  public ArchiverState {
    if (fedThrough == null || fedRoot == null) {
      throw new IllegalArgumentException("archiver state: every field must be set (value null)");
    }
    if (nextSegmentIndex < 0) {
      throw new IllegalArgumentException(
          "archiver state.next_segment_index: must be >= 0 (value " + nextSegmentIndex + ")");
    }
  }

  public byte[] encode() {
    return new ByteWriter(SIZE)
        .u8(VERSION)
        .u64(fedThrough.value())
        .hash(fedRoot)
        .u64(nextSegmentIndex)
        .toByteArray();
  }

  /** Decodes a stored value; anything but this exact layout is a {@link DecodeException}. */
  public static ArchiverState decode(byte[] bytes) {
    ByteReader r = new ByteReader(bytes);
    r.scope("archiver_state.");
    int version = r.u8("version");
    if (version != VERSION) {
      throw new DecodeException(
          r.field("version"), Integer.toString(version), "only version " + VERSION + " is known");
    }
    long number = r.u64("fed_through");
    Hash root = r.hash("fed_root");
    long next = r.u64("next_segment_index");
    r.expectEnd("value");
    if (number < 0 || next < 0) {
      throw new DecodeException(
          r.field("fed_through"),
          Long.toUnsignedString(number) + "/" + Long.toUnsignedString(next),
          "block number and segment index must be below 2^63");
    }
    return new ArchiverState(new BlockNumber(number), root, next);
  }
}
