package dev.annals.primitives.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.PiecePosition;
import org.junit.jupiter.api.Test;

class ProtocolParametersTest {
  private static final ProtocolParameters P = ProtocolParameters.PRODUCTION;
  private static final ProtocolParameters D = ProtocolParameters.DEV;

  /** Figures from reference/protocol-facts.md §2, §5, §8, §9. */
  @Test
  void productionMatchesAbundance() {
    assertThat(P.recordSize()).isEqualTo(1 << 20);
    assertThat(P.sBuckets()).isEqualTo(1 << 16);
    assertThat(P.sourceRecordsPerSegment()).isEqualTo(128);
    assertThat(P.piecesPerSegment()).isEqualTo(256);
    assertThat(P.recordProofHashes()).isEqualTo(8);
    assertThat(P.recordProofSize()).isEqualTo(256);
    assertThat(P.chunkProofHashes()).isEqualTo(16);
    assertThat(P.chunkProofSize()).isEqualTo(512);
    assertThat(P.segmentProofSize()).isEqualTo(640);
    assertThat(P.pieceHeaderSize()).isEqualTo(984);
    assertThat(P.pieceSize()).isEqualTo(1_049_560);
    assertThat(P.segmentSize()).isEqualTo(128L << 20);
    assertThat(P.posProofSize()).isEqualTo(160);
    assertThat(P.solutionSize()).isEqualTo(2440);
    assertThat(P.consensusInfoSize()).isEqualTo(2480);
    assertThat(P.blockConfirmationDepth()).isEqualTo(100);
    assertThat(P.shardConfirmationDepth()).isEqualTo(72);
    assertThat(P.maxPiecesInSector()).isEqualTo(1000);
    assertThat(P.retargetInterval()).isEqualTo(180);
    assertThat(P.recentSegments()).isEqualTo(5);
    assertThat(P.minSectorLifetime()).isEqualTo(4);
    assertThat(P.slotDurationMillis()).isEqualTo(1000);
  }

  @Test
  void devSizes() {
    assertThat(D.recordSize()).isEqualTo(4096);
    assertThat(D.sBuckets()).isEqualTo(256);
    assertThat(D.piecesPerSegment()).isEqualTo(16);
    assertThat(D.segmentSize()).isEqualTo(32 * 1024);
    assertThat(D.recordProofHashes()).isEqualTo(4);
    assertThat(D.chunkProofHashes()).isEqualTo(8);
    assertThat(D.segmentProofHashes()).isEqualTo(20);
    assertThat(D.pieceHeaderSize()).isEqualTo(856);
    assertThat(D.pieceSize()).isEqualTo(4952);
    assertThat(D.posProofSize()).isEqualTo(96);
    assertThat(D.solutionSize()).isEqualTo(1672);
  }

  @Test
  void digestsDifferAndAreStable() {
    assertThat(P.digest()).isNotEqualTo(D.digest());
    assertThat(P.digest()).isEqualTo(ProtocolParameters.byName("production").digest());
    assertThat(P.canonicalEncoding()).isEqualTo(P.canonicalEncoding());
  }

  @Test
  void byNameRejectsUnknown() {
    assertThat(ProtocolParameters.byName("DEV")).isSameAs(D);
    assertThatThrownBy(() -> ProtocolParameters.byName("testnet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("preset")
        .hasMessageContaining("testnet");
  }

  @Test
  void pieceIndexChecksPositionAndOverflow() {
    assertThat(P.pieceIndex(new GlobalSegmentIndex(3), new PiecePosition(5)).value())
        .isEqualTo(3 * 256 + 5);
    assertThatThrownBy(() -> D.pieceIndex(GlobalSegmentIndex.ZERO, new PiecePosition(16)))
        .hasMessageContaining("piece_position")
        .hasMessageContaining("16");
    assertThatThrownBy(() -> P.pieceIndex(new GlobalSegmentIndex(-1L), new PiecePosition(0)))
        .hasMessageContaining("piece_index");
    // 2^56 segments × 256 = 2^64: overflows
    assertThatThrownBy(() -> P.pieceIndex(new GlobalSegmentIndex(1L << 56), new PiecePosition(0)))
        .hasMessageContaining("overflows");
    assertThat(P.pieceIndex(new GlobalSegmentIndex((1L << 56) - 1), new PiecePosition(255)).value())
        .isEqualTo(-1L);
  }

  @Test
  void rejectsInconsistentBaseValues() {
    assertThatThrownBy(() -> D.toBuilder().sourceRecordsPerSegment(6).build())
        .hasMessageContaining("source_records_per_segment")
        .hasMessageContaining("6");
    assertThatThrownBy(() -> D.toBuilder().slotIterations(1000).build())
        .hasMessageContaining("slot_iterations");
    assertThatThrownBy(() -> D.toBuilder().shardConfirmationDepth(2).build())
        .hasMessageContaining("shard_confirmation_depth");
  }
}
