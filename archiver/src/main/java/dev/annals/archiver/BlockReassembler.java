package dev.annals.archiver;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds blocks from consecutive segments' items: the byte-level half of reconstruction. Segments
 * may start anywhere in the history; a block whose start lies before the first segment given cannot
 * be rebuilt and is skipped. Block numbers come from the parent segment header at the start of each
 * segment (or are 0 in the first segment of a shard's history).
 */
public final class BlockReassembler {
  private final int segmentSize;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private long partialNumber = -1;

  /**
   * The partial block ends exactly at its segment's end: only the next header says if it is whole.
   */
  private boolean partialMayBeWhole;

  private boolean started;

  public BlockReassembler(int segmentSize) {
    this.segmentSize = segmentSize;
  }

  /**
   * Adds the next segment. {@code parentProgress} is the archive progress recorded in the segment's
   * parent header item, or null when the segment has none (the first segment of a shard). Returns
   * the blocks completed by this segment, in order.
   */
  public List<ReconstructedBlock> addSegment(
      SegmentContents contents, ArchiveProgress parentProgress) {
    List<SegmentItem> items = contents.items();
    boolean hasParent =
        !items.isEmpty() && items.getFirst().kind() == SegmentItemKind.PARENT_SEGMENT_HEADER;
    if (hasParent != (parentProgress != null)) {
      throw new IllegalArgumentException(
          hasParent
              ? "segment starts with a parent header but no progress was given for it"
              : "segment has no parent header, so it must be the first of its shard");
    }
    if (!hasParent && started) {
      throw new IllegalArgumentException("only the first segment of a shard lacks a parent header");
    }
    started = true;
    List<ReconstructedBlock> blocks = new ArrayList<>();
    long next = 0;
    if (parentProgress != null) {
      next = settleWithParent(parentProgress, blocks);
    }
    for (int i = hasParent ? 1 : 0; i < items.size(); i++) {
      SegmentItem item = items.get(i);
      boolean last = i == items.size() - 1;
      switch (item.kind()) {
        case BLOCK -> blocks.add(new ReconstructedBlock(next++, item.payload()));
        case BLOCK_START -> {
          startPartial(next++, item.payload());
          partialMayBeWhole = false;
        }
        case BLOCK_CONTINUATION -> {
          if (partialNumber < 0) {
            continue; // the block began before the segments we have
          }
          partial.writeBytes(item.payload());
          if (!last || contents.endOffset() < segmentSize) {
            blocks.add(takePartial());
          } else {
            partialMayBeWhole = true;
          }
        }
        default ->
            throw new IllegalArgumentException(
                "segment item " + i + " is a " + item.kind() + ", not allowed there");
      }
    }
    return blocks;
  }

  /**
   * Settles a block left open at the end of the last segment added, given that segment's own header
   * progress (known from the segment header chain, not from the segment's bytes): returns it when
   * the header says it is complete.
   */
  public java.util.Optional<ReconstructedBlock> finish(ArchiveProgress lastSegmentProgress) {
    if (partialNumber < 0 || !partialMayBeWhole || !lastSegmentProgress.isComplete()) {
      return java.util.Optional.empty();
    }
    if (lastSegmentProgress.blockNumber() != partialNumber) {
      throw new IllegalArgumentException(
          "last segment's header ends at block "
              + lastSegmentProgress.blockNumber()
              + " but its bytes end inside block "
              + partialNumber);
    }
    return java.util.Optional.of(takePartial());
  }

  private long settleWithParent(ArchiveProgress parent, List<ReconstructedBlock> blocks) {
    if (partialNumber >= 0 && partialNumber != parent.blockNumber()) {
      throw new IllegalArgumentException(
          "segment's parent header ends at block "
              + parent.blockNumber()
              + " but the previous segment ended inside block "
              + partialNumber
              + ": segments out of order");
    }
    if (parent.isComplete()) {
      if (partialNumber >= 0) {
        if (!partialMayBeWhole) {
          throw new IllegalArgumentException(
              "parent header says block " + parent.blockNumber() + " is complete, but it was cut");
        }
        blocks.add(takePartial());
      }
      return parent.blockNumber() + 1;
    }
    if (partialNumber >= 0 && partial.size() != parent.archivedBytes()) {
      throw new IllegalArgumentException(
          "parent header says "
              + parent.archivedBytes()
              + " bytes of block "
              + parent.blockNumber()
              + " were archived, but the previous segments hold "
              + partial.size());
    }
    // The continuation that follows belongs to the parent's block; the next new block is after it.
    return parent.blockNumber() + 1;
  }

  private void startPartial(long number, byte[] bytes) {
    partial.reset();
    partial.writeBytes(bytes);
    partialNumber = number;
  }

  private ReconstructedBlock takePartial() {
    ReconstructedBlock block = new ReconstructedBlock(partialNumber, partial.toByteArray());
    partial.reset();
    partialNumber = -1;
    partialMayBeWhole = false;
    return block;
  }
}
