package dev.annals.archiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SegmentAssemblerTest {
  private static final int SEGMENT = AssembledRun.SEGMENT;
  private static final int HEADER = AssembledRun.HEADER;

  @Property(tries = 50)
  void aSegmentWrittenAcrossRecordSizedPartsEqualsTheContiguousSegment(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 150) Integer> sizes,
      @ForAll("partSizes") int partSize) {
    List<byte[]> blocks = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      blocks.add(block(sizes.get(i), 100 + i));
    }
    AssembledRun contiguous = AssembledRun.of(blocks.toArray(byte[][]::new));

    SegmentAssembler assembler = new SegmentAssembler(SEGMENT, HEADER);
    List<byte[]> joined = new ArrayList<>();
    for (byte[] block : blocks) {
      assembler.addBlock(block);
      while (assembler.segmentReady()) {
        byte[][] parts = new byte[SEGMENT / partSize][partSize];
        // Dirty parts: the zero tail must be written, not assumed.
        for (byte[] part : parts) {
          Arrays.fill(part, (byte) 0x5a);
        }
        assembler.takeSegment(parts);
        byte[] segment = new byte[SEGMENT];
        for (int p = 0; p < parts.length; p++) {
          System.arraycopy(parts[p], 0, segment, p * partSize, partSize);
        }
        joined.add(segment);
        assembler.startNextSegment(AssembledRun.header(joined.size() - 1));
      }
    }
    assertThat(joined).hasSameSizeAs(contiguous.segments());
    for (int i = 0; i < joined.size(); i++) {
      assertThat(joined.get(i)).isEqualTo(contiguous.segments().get(i));
    }
  }

  @Provide
  Arbitrary<Integer> partSizes() {
    return Arbitraries.of(1, 2, 4, 8, 16, 32, 64);
  }

  @Test
  void aBlockThatExactlyFillsTheFirstSegmentIsOneWholeItem() {
    AssembledRun run = AssembledRun.of(block(SEGMENT - 5, 1));
    assertThat(run.segments()).hasSize(1);
    assertThat(run.items(0)).extracting(SegmentItem::kind).containsExactly(SegmentItemKind.BLOCK);
    assertThat(run.progress().get(0)).isEqualTo(new ArchiveProgress(0, 0));
  }

  @Test
  void oneByteMoreSpillsExactlyOneByteIntoTheNextSegment() {
    byte[] block = block(SEGMENT - 4, 2);
    AssembledRun run = AssembledRun.of(block, block(SEGMENT, 3));
    assertThat(run.items(0))
        .extracting(SegmentItemKind -> SegmentItemKind.kind())
        .containsExactly(SegmentItemKind.BLOCK_START);
    assertThat(run.progress().get(0)).isEqualTo(new ArchiveProgress(0, SEGMENT - 5));
    List<SegmentItem> next = run.items(1);
    assertThat(next.get(0).kind()).isEqualTo(SegmentItemKind.PARENT_SEGMENT_HEADER);
    assertThat(next.get(1).kind()).isEqualTo(SegmentItemKind.BLOCK_CONTINUATION);
    assertThat(next.get(1).payload()).containsExactly(block[block.length - 1]);
  }

  @Test
  void oneByteLessLeavesAZeroTailTooSmallForAnotherItem() {
    AssembledRun run = AssembledRun.of(block(SEGMENT - 6, 4));
    assertThat(run.segments()).hasSize(1);
    assertThat(run.segments().get(0)[SEGMENT - 1]).isZero();
    assertThat(run.items(0)).hasSize(1);
    assertThat(run.progress().get(0)).isEqualTo(new ArchiveProgress(0, 0));
  }

  @Test
  void aRemainderOfSixBytesStillTakesAOneByteStart() {
    // 64 - (5 + 53) = 6 bytes remain: enough for a tag, a length and one byte.
    AssembledRun run = AssembledRun.of(block(53, 5), block(10, 6));
    assertThat(run.items(0))
        .extracting(SegmentItem::kind)
        .containsExactly(SegmentItemKind.BLOCK, SegmentItemKind.BLOCK_START);
    assertThat(run.items(0).get(1).payload()).hasSize(1);
    assertThat(run.progress().get(0)).isEqualTo(new ArchiveProgress(1, 1));
  }

  @Test
  void remaindersUnderSixBytesArePadding() {
    for (int remainder = 1; remainder <= 5; remainder++) {
      AssembledRun run = AssembledRun.of(block(SEGMENT - 5 - remainder, 7), block(100, 8));
      assertThat(run.items(0)).as("remainder %d", remainder).hasSize(1);
      assertThat(run.progress().get(0)).isEqualTo(new ArchiveProgress(0, 0));
      assertThat(run.items(1).get(1).kind()).isEqualTo(SegmentItemKind.BLOCK_START);
    }
  }

  @Test
  void aBlockLargerThanSeveralSegmentsContinuesAcrossThem() {
    byte[] big = block(5 * SEGMENT, 9);
    AssembledRun run = AssembledRun.of(big, block(2 * SEGMENT, 10));
    assertThat(run.segments()).hasSizeGreaterThanOrEqualTo(5);
    int archived = SEGMENT - 5;
    assertThat(run.progress().get(0)).isEqualTo(new ArchiveProgress(0, archived));
    for (int s = 1; archived < big.length; s++) {
      List<SegmentItem> items = run.items(s);
      assertThat(items.get(0).kind()).isEqualTo(SegmentItemKind.PARENT_SEGMENT_HEADER);
      assertThat(items.get(1).kind()).isEqualTo(SegmentItemKind.BLOCK_CONTINUATION);
      archived += items.get(1).payload().length;
      if (archived == big.length) {
        // The next block starts in the same segment and spills, so it is the one recorded.
        assertThat(run.progress().get(s).blockNumber()).isEqualTo(1);
        break;
      }
      assertThat(items).hasSize(2);
      assertThat(run.progress().get(s)).isEqualTo(new ArchiveProgress(0, archived));
    }
    assertThat(run.reassembled().getFirst()).isEqualTo(big);
  }

  @Test
  void aStreamOfOneByteBlocksPacksSixBytesEach() {
    byte[][] blocks = new byte[40][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new byte[] {(byte) (i + 1)};
    }
    AssembledRun run = AssembledRun.of(blocks);
    // 64 bytes hold ten 6-byte items; the 4-byte rest is padding.
    assertThat(run.items(0)).hasSize(10);
    assertThat(run.progress().get(0)).isEqualTo(new ArchiveProgress(9, 0));
    assertThat(run.items(1).getFirst().kind()).isEqualTo(SegmentItemKind.PARENT_SEGMENT_HEADER);
    assertThat(run.items(1)).hasSize(1 + (SEGMENT - 1 - HEADER) / 6);
  }

  @Test
  void anEmptyBlockIsRejectedAndChangesNothing() {
    SegmentAssembler assembler = new SegmentAssembler(SEGMENT, HEADER);
    assembler.addBlock(block(10, 1));
    assertThatThrownBy(() -> assembler.addBlock(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("block 1 is empty");
    assertThat(assembler.nextBlockNumber()).isEqualTo(1);
    assertThat(assembler.segmentReady()).isFalse();
  }

  @Test
  void resumingWithABlockShorterThanItsArchivedBytesIsRejected() {
    assertThatThrownBy(
            () ->
                SegmentAssembler.resume(
                    SEGMENT, new byte[HEADER], new ArchiveProgress(3, 20), new byte[20]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block 3 has 20 bytes but the segment header says 20");
  }

  @Property(tries = 200)
  void everyBlockComesBackWhole(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 200) Integer> sizes) {
    byte[][] blocks = new byte[sizes.size()][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = block(sizes.get(i), i + 11);
    }
    AssembledRun run = AssembledRun.of(blocks);
    List<byte[]> back = run.reassembled();
    assertThat(back.size()).isLessThanOrEqualTo(blocks.length);
    for (int i = 0; i < back.size(); i++) {
      assertThat(back.get(i)).as("block %d", i).isEqualTo(blocks[i]);
    }
  }

  @Property(tries = 100)
  void aResumedAssemblerContinuesByteForByte(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 150) Integer> sizes) {
    byte[][] blocks = new byte[sizes.size()][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = block(sizes.get(i), i + 101);
    }
    AssembledRun uninterrupted = AssembledRun.of(blocks);
    // Restart after every segment, from what a node would have persisted: the last header and
    // the block that segment ended in.
    SegmentAssembler assembler = new SegmentAssembler(SEGMENT, HEADER);
    List<byte[]> segments = new ArrayList<>();
    for (int i = 0; i < blocks.length; i++) {
      assembler.addBlock(blocks[i]);
      while (assembler.segmentReady()) {
        byte[] segment = new byte[SEGMENT];
        ArchiveProgress progress = assembler.takeSegment(new byte[][] {segment});
        segments.add(segment);
        byte[] header = AssembledRun.header(segments.size() - 1);
        assembler =
            SegmentAssembler.resume(
                SEGMENT, header, progress, blocks[(int) progress.blockNumber()]);
        for (int j = (int) assembler.nextBlockNumber(); j <= i; j++) {
          if (j > progress.blockNumber()) {
            assembler.addBlock(blocks[j]);
          }
        }
      }
    }
    assertThat(segments).hasSameSizeAs(uninterrupted.segments());
    for (int s = 0; s < segments.size(); s++) {
      assertThat(segments.get(s)).as("segment %d", s).isEqualTo(uninterrupted.segments().get(s));
    }
  }

  static byte[] block(int length, int seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    bytes[0] = (byte) (bytes[0] | 1);
    return bytes;
  }
}
