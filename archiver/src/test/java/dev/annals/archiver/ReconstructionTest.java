package dev.annals.archiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconstructionTest {
  private static final ProtocolParameters DEV = DevArchive.DEV;
  private static final DevArchive ARCHIVE = DevArchive.of(7, 20_000, 6);

  @Test
  void blocksComeBackFromRandomHalvesOfEachSegment() {
    Random random = new Random(99);
    Reconstructor reconstructor = new Reconstructor(DEV);
    List<ReconstructedBlock> blocks = new ArrayList<>();
    for (ArchivedSegment segment : ARCHIVE.segments()) {
      blocks.addAll(reconstructor.addSegment(randomHalf(segment, random)));
    }
    reconstructor.finish(ARCHIVE.segments().getLast().header()).ifPresent(blocks::add);
    long lastWhole = lastWholeBlock();
    assertThat(blocks).hasSize((int) lastWhole + 1);
    for (ReconstructedBlock block : blocks) {
      assertThat(block.bytes()).isEqualTo(ARCHIVE.blocks().get((int) block.number()));
    }
  }

  @Test
  void reconstructionMayStartAtAnySegment() {
    Reconstructor reconstructor = new Reconstructor(DEV);
    List<ReconstructedBlock> blocks = new ArrayList<>();
    for (ArchivedSegment segment : ARCHIVE.segments().subList(2, ARCHIVE.segments().size())) {
      blocks.addAll(reconstructor.addSegment(randomHalf(segment, new Random(5))));
    }
    long first = ARCHIVE.segments().get(1).header().lastArchivedBlock().number().value() + 1;
    assertThat(blocks.getFirst().number()).isEqualTo(first);
    for (ReconstructedBlock block : blocks) {
      assertThat(block.bytes()).isEqualTo(ARCHIVE.blocks().get((int) block.number()));
    }
  }

  @Test
  void everyPieceCanBeRebuiltFromAnyHalf() {
    PieceReconstructor rebuild = new PieceReconstructor(DEV);
    ArchivedSegment segment = ARCHIVE.segments().get(1);
    for (int p = 0; p < DEV.piecesPerSegment(); p++) {
      Piece[] half = randomHalfWithout(segment, new Random(p), p);
      Piece rebuilt = rebuild.reconstruct(half, p);
      assertThat(rebuilt.encode(DEV)).isEqualTo(segment.pieces().get(p).encode(DEV));
    }
  }

  @Test
  void fewerThanHalfThePiecesIsAClearError() {
    Piece[] pieces = randomHalf(ARCHIVE.segments().getFirst(), new Random(1));
    for (int i = 0; i < pieces.length; i++) {
      if (pieces[i] != null) {
        pieces[i] = null;
        break;
      }
    }
    Reconstructor reconstructor = new Reconstructor(DEV);
    assertThatThrownBy(() -> reconstructor.addSegment(pieces))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need at least 8 of a segment's pieces to recover it, got 7");
  }

  @Test
  void piecesOfTwoSegmentsMixedAreRejected() {
    Piece[] pieces = ARCHIVE.segments().get(0).pieces().toArray(Piece[]::new);
    pieces[3] = ARCHIVE.segments().get(1).pieces().get(3);
    assertThatThrownBy(() -> new Reconstructor(DEV).addSegment(pieces))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("piece 3 is of shard")
        .hasMessageContaining("not of the segment of the other pieces");
  }

  @Test
  void aSkippedSegmentIsRejectedAndTheReconstructorCarriesOn() {
    Reconstructor reconstructor = new Reconstructor(DEV);
    reconstructor.addSegment(ARCHIVE.segments().get(0).pieces().toArray(Piece[]::new));
    assertThatThrownBy(
            () ->
                reconstructor.addSegment(ARCHIVE.segments().get(2).pieces().toArray(Piece[]::new)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected segment 1 next, got 2");
    assertThat(reconstructor.addSegment(ARCHIVE.segments().get(1).pieces().toArray(Piece[]::new)))
        .isNotEmpty();
  }

  @Test
  void aPieceOfTheProductionPresetDoesNotFitADevSegment() {
    byte[] production = new byte[ProtocolParameters.PRODUCTION.pieceSize()];
    assertThatThrownBy(() -> Piece.decode(production, DEV))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static long lastWholeBlock() {
    var last = ARCHIVE.segments().getLast().header().lastArchivedBlock();
    return last.isComplete() ? last.number().value() : last.number().value() - 1;
  }

  private static Piece[] randomHalf(ArchivedSegment segment, Random random) {
    return randomHalfWithout(segment, random, -1);
  }

  private static Piece[] randomHalfWithout(ArchivedSegment segment, Random random, int missing) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < segment.pieces().size(); i++) {
      if (i != missing) {
        positions.add(i);
      }
    }
    Collections.shuffle(positions, random);
    Piece[] pieces = new Piece[segment.pieces().size()];
    for (int i : positions.subList(0, DEV.sourceRecordsPerSegment())) {
      pieces[i] = segment.pieces().get(i);
    }
    return pieces;
  }
}
