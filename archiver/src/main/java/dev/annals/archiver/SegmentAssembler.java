package dev.annals.archiver;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Lays blocks end to end into segments of a fixed size: the byte-level half of archiving, with no
 * hashing or erasure coding. Blocks are numbered from the first one added (or from the resumed
 * state). A block that does not fit is cut so that its head fills the segment exactly and its tail
 * opens the next segment as a continuation; items are added while at least {@link
 * SegmentItemKind#MIN_ITEM_SPACE} bytes remain, and the rest of a segment is zero.
 *
 * <p>Every segment but the first starts with the previous segment's header, which the caller
 * supplies through {@link #startNextSegment} once it has computed that header.
 */
public final class SegmentAssembler {
  private final int segmentSize;
  private final int parentHeaderItemSize;
  private final ArrayDeque<PendingItem> pending = new ArrayDeque<>();

  /** Encoded size of everything in {@link #pending}. */
  private long pendingBytes;

  private ArchiveProgress progress;
  private long nextBlockNumber;
  private boolean awaitingParentHeader;

  /** An archiver's byte layer that has archived nothing yet. */
  public SegmentAssembler(int segmentSize, int segmentHeaderSize) {
    if (segmentHeaderSize <= 0
        || 1 + segmentHeaderSize + SegmentItemKind.MIN_ITEM_SPACE > segmentSize) {
      throw new IllegalArgumentException(
          "segment of " + segmentSize + " bytes cannot hold a header of " + segmentHeaderSize);
    }
    this.segmentSize = segmentSize;
    this.parentHeaderItemSize = 1 + segmentHeaderSize;
  }

  /**
   * Resumes after a segment whose header bytes are {@code lastHeader} and whose last item left
   * {@code progress}; {@code partialBlock} is that block's full bytes when it was only partly
   * archived (ignored, and may be null, when it was complete).
   */
  public static SegmentAssembler resume(
      int segmentSize, byte[] lastHeader, ArchiveProgress progress, byte[] partialBlock) {
    Objects.requireNonNull(progress, "progress");
    SegmentAssembler assembler = new SegmentAssembler(segmentSize, lastHeader.length);
    if (!progress.isComplete()) {
      Objects.requireNonNull(partialBlock, "the partly archived block's bytes");
      if (partialBlock.length <= progress.archivedBytes()) {
        throw new IllegalArgumentException(
            "block "
                + progress.blockNumber()
                + " has "
                + partialBlock.length
                + " bytes but the segment header says "
                + progress.archivedBytes()
                + " of them are already archived and some are not: wrong block for this header");
      }
    }
    assembler.progress = progress;
    assembler.nextBlockNumber = progress.blockNumber() + 1;
    assembler.startNextSegment(lastHeader);
    if (!progress.isComplete()) {
      assembler.enqueue(
          new PendingItem(
              SegmentItemKind.BLOCK_CONTINUATION, partialBlock, progress.archivedBytes()));
    }
    return assembler;
  }

  /** Queues the next block; its number is one more than the last block's. */
  public void addBlock(byte[] block) {
    Objects.requireNonNull(block, "block");
    if (block.length == 0) {
      throw new IllegalArgumentException("block " + nextBlockNumber + " is empty");
    }
    if (awaitingParentHeader) {
      throw new IllegalStateException("the header of the last segment taken was not supplied yet");
    }
    enqueue(new PendingItem(SegmentItemKind.BLOCK, block, 0));
    nextBlockNumber++;
  }

  /** The number the next block added will get. */
  public long nextBlockNumber() {
    return nextBlockNumber;
  }

  /** The progress recorded by the last segment taken, or null before the first one. */
  public ArchiveProgress progress() {
    return progress;
  }

  /** Whether enough is queued to fill a segment. */
  public boolean segmentReady() {
    // Items are added while at least MIN_ITEM_SPACE bytes remain, so a segment closes exactly
    // when everything queued would leave less than that.
    return !awaitingParentHeader && pendingBytes > segmentSize - SegmentItemKind.MIN_ITEM_SPACE;
  }

  /**
   * Writes the next segment across {@code parts} (equal-sized arrays that together hold exactly one
   * segment, zero tail included) and returns the progress after its last item. Before the next
   * segment, the caller must pass this segment's header to {@link #startNextSegment}.
   */
  public ArchiveProgress takeSegment(byte[][] parts) {
    if (!segmentReady()) {
      throw new IllegalStateException("not enough queued to fill a segment");
    }
    SegmentWriter out = new SegmentWriter(parts);
    if (out.size() != segmentSize) {
      throw new IllegalArgumentException(
          "segment parts hold " + out.size() + " bytes, a segment is " + segmentSize);
    }
    ArchiveProgress current = progress;
    while (out.remaining() >= SegmentItemKind.MIN_ITEM_SPACE) {
      PendingItem item = pending.pollFirst();
      pendingBytes -= item.encodedSize();
      if (item.kind() == SegmentItemKind.PARENT_SEGMENT_HEADER) {
        out.putByte(item.kind().tag());
        out.putBytes(item.bytes(), 0, item.bytes().length);
        continue;
      }
      int room = (int) (out.remaining() - SegmentItemKind.BLOCK_ITEM_OVERHEAD);
      int length = Math.min(item.remaining(), room);
      boolean spills = length < item.remaining();
      SegmentItemKind kind = item.kind();
      if (kind == SegmentItemKind.BLOCK && spills) {
        kind = SegmentItemKind.BLOCK_START;
      }
      out.putByte(kind.tag());
      out.putIntLittleEndian(length);
      out.putBytes(item.bytes(), item.from(), length);

      long number =
          item.kind() == SegmentItemKind.BLOCK ? nextNumberAfter(current) : current.blockNumber();
      int archived = spills ? item.from() + length : 0;
      current = new ArchiveProgress(number, archived);
      if (spills) {
        PendingItem rest =
            new PendingItem(SegmentItemKind.BLOCK_CONTINUATION, item.bytes(), item.from() + length);
        pending.addFirst(rest);
        pendingBytes += rest.encodedSize();
      }
    }
    out.zeroRest();
    progress = current;
    awaitingParentHeader = true;
    return current;
  }

  /** Supplies the header of the segment just taken; it opens the next segment. */
  public void startNextSegment(byte[] header) {
    if (header.length + 1 != parentHeaderItemSize) {
      throw new IllegalArgumentException(
          "segment header must be " + (parentHeaderItemSize - 1) + " bytes, got " + header.length);
    }
    PendingItem item = new PendingItem(SegmentItemKind.PARENT_SEGMENT_HEADER, header.clone(), 0);
    pending.addFirst(item);
    pendingBytes += item.encodedSize();
    awaitingParentHeader = false;
  }

  private static long nextNumberAfter(ArchiveProgress progress) {
    return progress == null ? 0 : progress.blockNumber() + 1;
  }

  private void enqueue(PendingItem item) {
    pending.addLast(item);
    pendingBytes += item.encodedSize();
  }

  /** A queued item: the bytes of {@code bytes} from {@code from} on, or a parent header. */
  private record PendingItem(SegmentItemKind kind, byte[] bytes, int from) {
    int remaining() {
      return bytes.length - from;
    }

    long encodedSize() {
      return kind == SegmentItemKind.PARENT_SEGMENT_HEADER
          ? 1L + bytes.length
          : SegmentItemKind.BLOCK_ITEM_OVERHEAD + (long) remaining();
    }
  }
}
