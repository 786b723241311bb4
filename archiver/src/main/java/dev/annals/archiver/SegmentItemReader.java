package dev.annals.archiver;

import dev.annals.primitives.codec.LittleEndian;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the items back out of a segment's bytes: the inverse of {@link SegmentAssembler}. Every
 * malformed layout is an {@link IllegalArgumentException} naming the offset and the problem.
 */
public final class SegmentItemReader {
  private SegmentItemReader() {}

  public static List<SegmentItem> read(byte[] segment, int segmentHeaderSize) {
    return readContents(segment, segmentHeaderSize).items();
  }

  /** The items and the offset where the last one ends (the rest of the segment is zero). */
  public static SegmentContents readContents(byte[] segment, int segmentHeaderSize) {
    List<SegmentItem> items = new ArrayList<>();
    int position = 0;
    while (segment.length - position >= SegmentItemKind.MIN_ITEM_SPACE) {
      int tag = segment[position] & 0xff;
      SegmentItemKind kind;
      try {
        kind = SegmentItemKind.ofTag(tag);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "segment item at offset " + position + " has unknown tag " + tag, e);
      }
      switch (kind) {
        case PADDING -> {
          requireZeroTail(segment, position);
          return new SegmentContents(items, position);
        }
        case PARENT_SEGMENT_HEADER -> {
          if (position != 0) {
            throw new IllegalArgumentException(
                "parent segment header item at offset " + position + " (only allowed at 0)");
          }
          int end = position + 1 + segmentHeaderSize;
          if (end > segment.length) {
            throw new IllegalArgumentException("parent segment header item overruns the segment");
          }
          items.add(new SegmentItem(kind, java.util.Arrays.copyOfRange(segment, 1, end)));
          position = end;
        }
        default -> {
          long length = Integer.toUnsignedLong(LittleEndian.getInt(segment, position + 1));
          long end = position + (long) SegmentItemKind.BLOCK_ITEM_OVERHEAD + length;
          if (length == 0 || end > segment.length) {
            throw new IllegalArgumentException(
                "segment item at offset "
                    + position
                    + " declares "
                    + length
                    + " bytes, "
                    + (length == 0 ? "an empty item" : "past the end of the segment"));
          }
          int from = position + SegmentItemKind.BLOCK_ITEM_OVERHEAD;
          items.add(new SegmentItem(kind, java.util.Arrays.copyOfRange(segment, from, (int) end)));
          position = (int) end;
        }
      }
    }
    requireZeroTail(segment, position);
    return new SegmentContents(items, position);
  }

  private static void requireZeroTail(byte[] segment, int from) {
    for (int i = from; i < segment.length; i++) {
      if (segment[i] != 0) {
        throw new IllegalArgumentException("non-zero byte in the segment's padding at offset " + i);
      }
    }
  }
}
