package dev.annals.archiver;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Assembles blocks, standing in a fixed fake header for each segment's header. */
record AssembledRun(List<byte[]> segments, List<ArchiveProgress> progress) {
  static final int SEGMENT = 64;
  static final int HEADER = 8;

  static AssembledRun of(byte[]... blocks) {
    SegmentAssembler assembler = new SegmentAssembler(SEGMENT, HEADER);
    List<byte[]> segments = new ArrayList<>();
    List<ArchiveProgress> progress = new ArrayList<>();
    for (byte[] block : blocks) {
      assembler.addBlock(block);
      while (assembler.segmentReady()) {
        byte[] segment = new byte[SEGMENT];
        progress.add(assembler.takeSegment(new byte[][] {segment}));
        segments.add(segment);
        assembler.startNextSegment(header(segments.size() - 1));
      }
    }
    return new AssembledRun(segments, progress);
  }

  static byte[] header(int segmentIndex) {
    byte[] header = new byte[HEADER];
    Arrays.fill(header, (byte) (0x40 + segmentIndex));
    return header;
  }

  List<SegmentItem> items(int segment) {
    return SegmentItemReader.read(segments.get(segment), HEADER);
  }

  /** The blocks whose last byte is in a segment, rebuilt from the items. */
  List<byte[]> reassembled() {
    List<byte[]> blocks = new ArrayList<>();
    ByteArrayOutputStream partial = new ByteArrayOutputStream();
    for (int s = 0; s < segments.size(); s++) {
      List<SegmentItem> items = items(s);
      for (SegmentItem item : items) {
        switch (item.kind()) {
          case BLOCK -> blocks.add(item.payload());
          case BLOCK_START -> partial.writeBytes(item.payload());
          case BLOCK_CONTINUATION -> {
            partial.writeBytes(item.payload());
            // A continuation ends its block unless it is cut at the end of the segment.
            if (item != items.getLast() || progress.get(s).isComplete()) {
              blocks.add(partial.toByteArray());
              partial.reset();
            }
          }
          default -> {}
        }
      }
    }
    return blocks;
  }
}
