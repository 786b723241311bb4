package dev.annals.archiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BlockReassemblerTest {
  @Property(tries = 200)
  void fromAnySegmentOnEveryBlockThatStartsThereComesBackWithItsNumber(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 200) Integer> sizes,
      @ForAll @IntRange(min = 0, max = 10) int firstSegment) {
    byte[][] blocks = new byte[sizes.size()][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = SegmentAssemblerTest.block(sizes.get(i), 1000 + i);
    }
    AssembledRun run = AssembledRun.of(blocks);
    if (firstSegment >= run.segments().size()) {
      return;
    }
    List<ReconstructedBlock> back = reassemble(run, firstSegment);
    ArchiveProgress lastProgress = run.progress().getLast();
    long lastWhole =
        lastProgress.isComplete() ? lastProgress.blockNumber() : lastProgress.blockNumber() - 1;
    long firstWhole = 0;
    if (firstSegment > 0) {
      ArchiveProgress before = run.progress().get(firstSegment - 1);
      firstWhole = before.blockNumber() + 1;
    }
    List<Long> numbers = back.stream().map(ReconstructedBlock::number).toList();
    List<Long> expected = new ArrayList<>();
    for (long n = firstWhole; n <= lastWhole; n++) {
      expected.add(n);
    }
    assertThat(numbers).isEqualTo(expected);
    for (ReconstructedBlock block : back) {
      assertThat(block.bytes())
          .as("block %d", block.number())
          .isEqualTo(blocks[(int) block.number()]);
    }
  }

  @Test
  void segmentsOutOfOrderAreRejected() {
    byte[][] blocks = new byte[30][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = SegmentAssemblerTest.block(37, 2000 + i);
    }
    AssembledRun run = AssembledRun.of(blocks);
    BlockReassembler reassembler = new BlockReassembler(AssembledRun.SEGMENT);
    reassembler.addSegment(contents(run, 0), null);
    assertThatThrownBy(() -> reassembler.addSegment(contents(run, 2), run.progress().get(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of order");
  }

  @Test
  void aSecondSegmentWithoutParentHeaderIsRejected() {
    AssembledRun run = AssembledRun.of(SegmentAssemblerTest.block(300, 3));
    BlockReassembler reassembler = new BlockReassembler(AssembledRun.SEGMENT);
    reassembler.addSegment(contents(run, 0), null);
    assertThatThrownBy(() -> reassembler.addSegment(contents(run, 0), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only the first segment");
  }

  private static List<ReconstructedBlock> reassemble(AssembledRun run, int from) {
    BlockReassembler reassembler = new BlockReassembler(AssembledRun.SEGMENT);
    List<ReconstructedBlock> back = new ArrayList<>();
    for (int s = from; s < run.segments().size(); s++) {
      ArchiveProgress parent = s == 0 ? null : run.progress().get(s - 1);
      back.addAll(reassembler.addSegment(contents(run, s), parent));
    }
    reassembler.finish(run.progress().getLast()).ifPresent(back::add);
    return back;
  }

  private static SegmentContents contents(AssembledRun run, int segment) {
    return SegmentItemReader.readContents(run.segments().get(segment), AssembledRun.HEADER);
  }
}
