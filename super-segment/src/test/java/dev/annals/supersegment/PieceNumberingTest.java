package dev.annals.supersegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.params.ProtocolParameters;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PieceNumberingTest {
  @Test
  void pieceIndicesRoundTripAgainstBigIntegerArithmetic() {
    Random random = new Random(31);
    for (ProtocolParameters params : ProtocolParameters.PRESETS) {
      BigInteger perSegment = BigInteger.valueOf(params.piecesPerSegment());
      for (int k = 0; k < 10_000; k++) {
        long piece = random.nextLong();
        PieceIndex index = new PieceIndex(piece);
        GlobalSegmentIndex segment = PieceNumbering.segmentOf(index, params);
        PiecePosition position = PieceNumbering.positionOf(index, params);
        BigInteger unsigned = new BigInteger(Long.toUnsignedString(piece));
        assertThat(Long.toUnsignedString(segment.value()))
            .isEqualTo(unsigned.divide(perSegment).toString());
        assertThat(position.value()).isEqualTo(unsigned.mod(perSegment).intValue());
        assertThat(PieceNumbering.pieceIndex(segment, position, params)).isEqualTo(index);
      }
    }
  }

  @Test
  void overflowAndPositionsOutsideTheSegmentAreErrors() {
    ProtocolParameters dev = ProtocolParameters.DEV;
    assertThatThrownBy(
            () -> PieceNumbering.pieceIndex(new GlobalSegmentIndex(-1), new PiecePosition(0), dev))
        .hasMessageContaining("overflows u64");
    assertThatThrownBy(
            () ->
                PieceNumbering.pieceIndex(
                    GlobalSegmentIndex.ZERO, new PiecePosition(dev.piecesPerSegment()), dev))
        .hasMessageContaining("piece_position");
  }
}
