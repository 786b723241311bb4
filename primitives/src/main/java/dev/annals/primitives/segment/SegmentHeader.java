package dev.annals.primitives.segment;

import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;

/**
 * A shard's segment header, 84 bytes: local index u64 @0, segment root @8, previous segment header
 * hash @40 (zero for a shard's first segment), last archived block @72. Its hash is BLAKE3 of the
 * 84 bytes.
 */
public record SegmentHeader(
    LocalSegmentIndex index,
    Hash root,
    Hash previousHeaderHash,
    LastArchivedBlock lastArchivedBlock) {
  public static final int SIZE = 84;

  public SegmentHeader {
    if (index == null || root == null || previousHeaderHash == null || lastArchivedBlock == null) {
      throw new IllegalArgumentException("segment_header: every field must be set (value null)");
    }
  }

  public byte[] encode() {
    ByteWriter w = new ByteWriter(SIZE);
    encodeTo(w);
    return w.toByteArray();
  }

  public void encodeTo(ByteWriter w) {
    w.u64(index.value()).hash(root).hash(previousHeaderHash);
    lastArchivedBlock.encodeTo(w);
  }

  public static SegmentHeader decode(byte[] bytes) {
    ByteReader r = new ByteReader(bytes);
    SegmentHeader header = decodeFrom(r);
    r.expectEnd("segment_header");
    return header;
  }

  public static SegmentHeader decodeFrom(ByteReader r) {
    long index = r.u64("index");
    Hash root = r.hash("root");
    Hash previous = r.hash("prev_segment_header_hash");
    String outer = r.scope(r.field("last_archived_block."));
    LastArchivedBlock last = LastArchivedBlock.decodeFrom(r);
    r.scope(outer);
    return new SegmentHeader(new LocalSegmentIndex(index), root, previous, last);
  }

  public Hash hash() {
    return Hash.blake3(encode());
  }
}
