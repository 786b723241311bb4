package dev.annals.archiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A byte flipped in any region that the record part of verification covers is caught. */
class PieceCorruptionTest {
  private static final ProtocolParameters DEV = DevArchive.DEV;
  private static final DevArchive ARCHIVE = DevArchive.of(3, 9_000, 1);

  @Test
  void eachRegionIsCheckedByItsNamedCheck() {
    ArchivedSegment segment = ARCHIVE.segments().getFirst();
    int position = 5;
    byte[] good = segment.pieces().get(position).encode(DEV);
    int recordProofAt = 728;
    int recordAt = DEV.pieceHeaderSize();
    assertThat(failureAfterFlip(segment, good, position, 1)).contains(PieceCheck.SHARD);
    assertThat(failureAfterFlip(segment, good, position, 6))
        .contains(PieceCheck.LOCAL_SEGMENT_INDEX);
    assertThat(failureAfterFlip(segment, good, position, 30)).contains(PieceCheck.SEGMENT_ROOT);
    assertThat(failureAfterFlip(segment, good, position, 700)).contains(PieceCheck.RECORD_PROOF);
    for (int at = recordProofAt; at < recordAt; at += 32) {
      assertThat(failureAfterFlip(segment, good, position, at)).contains(PieceCheck.RECORD_PROOF);
    }
    for (int at = recordAt; at < good.length; at += 509) {
      assertThat(failureAfterFlip(segment, good, position, at)).contains(PieceCheck.RECORD_PROOF);
    }
  }

  @Test
  void aPieceOfAnotherPresetIsRefused() {
    ArchivedSegment segment = ARCHIVE.segments().getFirst();
    Piece devPiece = segment.pieces().get(5);
    assertThatThrownBy(
            () ->
                new PieceVerifier(ProtocolParameters.PRODUCTION)
                    .firstFailure(devPiece, 5, segment.header().root(), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record of " + DEV.recordSize() + " bytes");
  }

  private static Optional<PieceCheck> failureAfterFlip(
      ArchivedSegment segment, byte[] good, int position, int at) {
    byte[] bad = good.clone();
    bad[at] ^= 0x10;
    Piece piece = Piece.decode(bad, DEV);
    return new PieceVerifier(DEV)
        .firstFailure(
            piece, position, segment.header().root(), DevArchive.SHARD, segment.header().index());
  }
}
