package dev.annals.archiver;

import java.util.List;

/** The items of one segment and the offset where the last item ends. */
public record SegmentContents(List<SegmentItem> items, int endOffset) {
  public SegmentContents {
    items = List.copyOf(items);
  }
}
