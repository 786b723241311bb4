package dev.annals.archiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SegmentHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class SegmentArchiverTest {
  private static final DevArchive ARCHIVE = DevArchive.of(42, 12_000, 5);

  @Test
  void segmentHeadersFormAChain() {
    Hash previous = Hash.ZERO;
    for (int i = 0; i < ARCHIVE.segments().size(); i++) {
      SegmentHeader header = ARCHIVE.segments().get(i).header();
      assertThat(header.index()).isEqualTo(new LocalSegmentIndex(i));
      assertThat(header.previousHeaderHash()).isEqualTo(previous);
      previous = header.hash();
    }
  }

  @Test
  void everyPieceVerifiesAtItsPositionAndNowhereElse() {
    PieceVerifier verifier = new PieceVerifier(DevArchive.DEV);
    for (ArchivedSegment segment : ARCHIVE.segments()) {
      List<Piece> pieces = segment.pieces();
      assertThat(pieces).hasSize(DevArchive.DEV.piecesPerSegment());
      for (int p = 0; p < pieces.size(); p++) {
        Piece piece = pieces.get(p);
        assertThat(piece.encode(DevArchive.DEV)).hasSize(4952);
        assertThat(
                verifier.firstFailure(
                    piece, p, segment.header().root(), DevArchive.SHARD, segment.header().index()))
            .isEmpty();
        int wrong = (p + 1) % pieces.size();
        assertThat(verifier.firstFailure(piece, wrong, segment.header().root(), null, null))
            .contains(PieceCheck.RECORD_PROOF);
      }
    }
  }

  @Test
  void theSourceRecordsAreTheSegmentBytesAndStartWithTheParentHeader() {
    ArchivedSegment second = ARCHIVE.segments().get(1);
    byte[] first = second.pieces().getFirst().record().toBytes();
    assertThat(first[0]).isEqualTo((byte) SegmentItemKind.PARENT_SEGMENT_HEADER.tag());
    byte[] parent = java.util.Arrays.copyOfRange(first, 1, 1 + SegmentHeader.SIZE);
    assertThat(parent).isEqualTo(ARCHIVE.segments().getFirst().header().encode());
  }

  @Test
  void aResumedArchiverProducesTheSameSegmentsByteForByte() {
    List<ArchivedSegment> resumed = new ArrayList<>();
    SegmentArchiver archiver = SegmentArchiver.create(DevArchive.DEV, DevArchive.SHARD, null);
    for (int i = 0; i < ARCHIVE.blocks().size(); i++) {
      List<ArchivedSegment> produced = archiver.addBlock(ARCHIVE.blocks().get(i));
      while (!produced.isEmpty()) {
        resumed.addAll(produced);
        // Restart as a node would: from the last header and the block it ended in, then feed
        // again every block after that one that had been handed over.
        SegmentHeader last = produced.getLast().header();
        int lastNumber = (int) last.lastArchivedBlock().number().value();
        archiver =
            SegmentArchiver.resume(
                DevArchive.DEV, DevArchive.SHARD, last, ARCHIVE.blocks().get(lastNumber), null);
        produced = new ArrayList<>();
        for (int j = (int) archiver.nextBlockNumber(); j <= i; j++) {
          if (j > lastNumber) {
            produced.addAll(archiver.addBlock(ARCHIVE.blocks().get(j)));
          }
        }
      }
    }
    assertThat(resumed).hasSameSizeAs(ARCHIVE.segments());
    for (int s = 0; s < resumed.size(); s++) {
      assertThat(resumed.get(s).header()).isEqualTo(ARCHIVE.segments().get(s).header());
      for (int p = 0; p < DevArchive.DEV.piecesPerSegment(); p++) {
        assertThat(resumed.get(s).pieces().get(p).encode(DevArchive.DEV))
            .isEqualTo(ARCHIVE.segments().get(s).pieces().get(p).encode(DevArchive.DEV));
      }
    }
  }

  @Test
  void aPoolGivesTheSameSegmentsAsTheCallingThread() {
    SegmentArchiver parallel;
    try (ForkJoinPool pool = new ForkJoinPool(2)) {
      parallel = SegmentArchiver.create(DevArchive.DEV, DevArchive.SHARD, pool);
      List<ArchivedSegment> segments = new ArrayList<>();
      for (byte[] block : ARCHIVE.blocks()) {
        segments.addAll(parallel.addBlock(block));
      }
      assertThat(segments.stream().map(ArchivedSegment::header).toList())
          .isEqualTo(ARCHIVE.segments().stream().map(ArchivedSegment::header).toList());
    }
  }

  @Test
  void anEmptyBlockIsRejectedAndTheArchiverCarriesOn() {
    SegmentArchiver archiver = SegmentArchiver.create(DevArchive.DEV, DevArchive.SHARD, null);
    archiver.addBlock(ARCHIVE.blocks().get(0));
    assertThatThrownBy(() -> archiver.addBlock(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("block 1 is empty");
    List<ArchivedSegment> segments = new ArrayList<>();
    for (byte[] block : ARCHIVE.blocks().subList(1, ARCHIVE.blocks().size())) {
      segments.addAll(archiver.addBlock(block));
    }
    assertThat(segments.getFirst().header()).isEqualTo(ARCHIVE.segments().getFirst().header());
  }

  @Test
  void resumingWithTheWrongBlockIsRejected() {
    SegmentHeader partial =
        ARCHIVE.segments().stream()
            .map(ArchivedSegment::header)
            .filter(h -> !h.lastArchivedBlock().isComplete())
            .findFirst()
            .orElseThrow();
    byte[] tooShort = new byte[(int) partial.lastArchivedBlock().archivedBytes()];
    assertThatThrownBy(
            () -> SegmentArchiver.resume(DevArchive.DEV, DevArchive.SHARD, partial, tooShort, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wrong block for this header");
  }
}
