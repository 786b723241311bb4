package dev.annals.archiver;

/** The tag byte of each item laid end to end in a segment's bytes. */
public enum SegmentItemKind {
  PADDING(0),
  BLOCK(1),
  BLOCK_START(2),
  BLOCK_CONTINUATION(3),
  PARENT_SEGMENT_HEADER(4);

  /** Tag byte plus the u32 length of a block item. */
  public static final int BLOCK_ITEM_OVERHEAD = 1 + Integer.BYTES;

  /**
   * Items are added while at least this many bytes remain: a tag, a length and one byte of data.
   */
  public static final int MIN_ITEM_SPACE = BLOCK_ITEM_OVERHEAD + 1;

  private final int tag;

  SegmentItemKind(int tag) {
    this.tag = tag;
  }

  public int tag() {
    return tag;
  }

  public static SegmentItemKind ofTag(int tag) {
    for (SegmentItemKind kind : values()) {
      if (kind.tag == tag) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown segment item tag " + tag);
  }
}
