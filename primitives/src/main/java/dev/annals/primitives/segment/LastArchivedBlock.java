package dev.annals.primitives.segment;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;

/**
 * The archiver's progress after a segment: the last block it touched and, if that block is not
 * complete yet, how many of its bytes are archived (u32; 0 means complete). 12 bytes.
 */
public record LastArchivedBlock(BlockNumber number, long archivedBytes) {
  public static final int SIZE = 12;

  public LastArchivedBlock {
    if (number == null) {
      throw new IllegalArgumentException("last_archived_block.number: must be set (value null)");
    }
    if (archivedBytes < 0 || archivedBytes > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "last_archived_block.archived_bytes: must be a u32 (value " + archivedBytes + ")");
    }
  }

  public static LastArchivedBlock complete(BlockNumber number) {
    return new LastArchivedBlock(number, 0);
  }

  public boolean isComplete() {
    return archivedBytes == 0;
  }

  public void encodeTo(ByteWriter w) {
    w.u64(number.value()).u32(archivedBytes);
  }

  public static LastArchivedBlock decodeFrom(ByteReader r) {
    long number = r.u64("number");
    long bytes = r.u32("archived_bytes");
    return new LastArchivedBlock(new BlockNumber(number), bytes);
  }
}
