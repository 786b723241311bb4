package dev.annals.archiver;

/** One item read back from a segment's bytes: its kind and its payload. */
public record SegmentItem(SegmentItemKind kind, byte[] payload) {}
