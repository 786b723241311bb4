package dev.annals.primitives.segment;

import static dev.annals.primitives.testing.DecodeAssertions.assertRejects;
import static dev.annals.primitives.testing.DecodeAssertions.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.testing.Fixtures;
import dev.annals.primitives.testing.PrimitiveArbitraries;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

class SegmentCodecsTest {
  private static final ProtocolParameters P = ProtocolParameters.PRODUCTION;
  private static final ProtocolParameters D = ProtocolParameters.DEV;

  @Provide
  Arbitrary<SegmentHeader> segmentHeaders() {
    return PrimitiveArbitraries.segmentHeaders();
  }

  @Provide
  Arbitrary<SuperSegmentHeader> superSegmentHeaders() {
    return PrimitiveArbitraries.superSegmentHeaders();
  }

  @Provide
  Arbitrary<Tuple2<ProtocolParameters, PieceHeader>> pieceHeaders() {
    return PrimitiveArbitraries.presets()
        .flatMap(p -> PrimitiveArbitraries.pieceHeaders(p).map(h -> Tuple.of(p, h)));
  }

  @Property
  void segmentHeaderRoundTrips(@ForAll("segmentHeaders") SegmentHeader header) {
    byte[] bytes = header.encode();
    assertThat(bytes).hasSize(SegmentHeader.SIZE);
    assertThat(SegmentHeader.decode(bytes)).isEqualTo(header);
    assertThat(header.hash()).isEqualTo(Hash.blake3(bytes));
  }

  @Property
  void superSegmentHeaderRoundTrips(@ForAll("superSegmentHeaders") SuperSegmentHeader header) {
    byte[] bytes = header.encode();
    assertThat(bytes).hasSize(SuperSegmentHeader.SIZE);
    assertThat(SuperSegmentHeader.decode(bytes)).isEqualTo(header);
  }

  @Property
  void pieceHeaderRoundTrips(@ForAll("pieceHeaders") Tuple2<ProtocolParameters, PieceHeader> t) {
    byte[] bytes = t.get2().encode(t.get1());
    assertThat(bytes).hasSize(t.get1().pieceHeaderSize());
    assertThat(PieceHeader.decode(bytes, t.get1())).isEqualTo(t.get2());
  }

  @Property(tries = 20)
  void devPieceRoundTrips(
      @ForAll("pieceHeaders") Tuple2<ProtocolParameters, PieceHeader> t, @ForAll long seed) {
    ProtocolParameters params = t.get1();
    if (params != D) {
      return;
    }
    byte[] record = new byte[params.recordSize()];
    new Random(seed).nextBytes(record);
    Piece piece = new Piece(t.get2(), Record.of(record, params));
    byte[] bytes = piece.encode(params);
    assertThat(bytes).hasSize(4952);
    assertThat(Arrays.copyOfRange(bytes, params.pieceHeaderSize(), bytes.length)).isEqualTo(record);
    assertThat(Piece.decode(bytes, params)).isEqualTo(piece);
  }

  @Test
  void productionPieceRoundTrips() {
    byte[] record = new byte[P.recordSize()];
    new Random(1).nextBytes(record);
    Piece piece = new Piece(Fixtures.pieceHeader(P), Record.wrap(record, P));
    byte[] bytes = piece.encode(P);
    assertThat(bytes).hasSize(1_049_560);
    assertThat(Piece.decode(bytes, P)).isEqualTo(piece);
    assertRejects(() -> Piece.decode(Arrays.copyOf(bytes, bytes.length - 1), P), "piece");
  }

  /** Offsets from protocol-facts.md §5, checked against an encoding made field by field. */
  @Test
  void segmentHeaderLayout() {
    SegmentHeader header =
        new SegmentHeader(
            new LocalSegmentIndex(0x0102030405060708L),
            Fixtures.hash(1),
            Fixtures.hash(2),
            new LastArchivedBlock(new BlockNumber(0x1112131415161718L), 0x21222324L));
    byte[] bytes = header.encode();
    assertThat(bytes[0]).isEqualTo((byte) 0x08);
    assertThat(bytes[7]).isEqualTo((byte) 0x01);
    assertThat(Arrays.copyOfRange(bytes, 8, 40)).isEqualTo(Fixtures.hash(1).toBytes());
    assertThat(Arrays.copyOfRange(bytes, 40, 72)).isEqualTo(Fixtures.hash(2).toBytes());
    assertThat(bytes[72]).isEqualTo((byte) 0x18);
    assertThat(bytes[80]).isEqualTo((byte) 0x24);
    assertThat(bytes[83]).isEqualTo((byte) 0x21);
  }

  @Test
  void segmentHeaderRejectsWrongLength() {
    byte[] bytes = PrimitiveArbitraries.segmentHeaders().sample().encode();
    assertRejects(
        () -> SegmentHeader.decode(Arrays.copyOf(bytes, 83)), "last_archived_block.archived_bytes");
    assertRejects(() -> SegmentHeader.decode(Arrays.copyOf(bytes, 85)), "segment_header");
    assertRejects(() -> SegmentHeader.decode(new byte[0]), "index");
  }

  @Test
  void superSegmentHeaderRejectsBadCounts() {
    SuperSegmentHeader header =
        new SuperSegmentHeader(
            SuperSegmentIndex.ZERO,
            Fixtures.hash(1),
            Hash.ZERO,
            new GlobalSegmentIndex(5),
            new BlockNumber(1),
            1);
    byte[] bytes = header.encode();
    assertThat(SuperSegmentHeader.decode(bytes)).isEqualTo(header);
    assertRejects(() -> SuperSegmentHeader.decode(put(bytes, 88, 0, 4)), "num_segments");
    assertRejects(() -> SuperSegmentHeader.decode(put(bytes, 88, 1 << 20, 4)), "num_segments");
    // 7 segments cannot end at global index 5
    assertRejects(() -> SuperSegmentHeader.decode(put(bytes, 88, 7, 4)), "num_segments");
    assertRejects(() -> SuperSegmentHeader.decode(Arrays.copyOf(bytes, 91)), "num_segments");
    assertRejects(
        () -> SuperSegmentHeader.decode(Arrays.copyOf(bytes, 93)), "super_segment_header");
  }

  @Test
  void pieceHeaderRejectsOutOfRangeFields() {
    for (ProtocolParameters params : ProtocolParameters.PRESETS) {
      byte[] bytes = Fixtures.pieceHeader(params).encode(params);
      assertThat(bytes).hasSize(params.pieceHeaderSize());
      assertRejects(() -> PieceHeader.decode(put(bytes, 0, 1 << 20, 4), params), "shard_index");
      assertRejects(() -> PieceHeader.decode(put(bytes, 0, 1024, 4), params), "shard_index");
      assertRejects(
          () -> PieceHeader.decode(put(bytes, 20, (1 << 20) - 1, 4), params), "segment_position");
      // hash 5 of the segment proof non-zero after the zero tail (real hashes are 0..2)
      byte[] gap = bytes.clone();
      gap[56 + 5 * 32] = 1;
      assertRejects(() -> PieceHeader.decode(gap, params), "segment_proof[5]");
      assertRejects(
          () -> PieceHeader.decode(Arrays.copyOf(bytes, bytes.length - 1), params),
          "record_proof[" + (params.recordProofHashes() - 1) + "]");
      assertRejects(
          () -> PieceHeader.decode(Arrays.copyOf(bytes, bytes.length + 1), params), "piece_header");
    }
  }

  @Test
  void recordChecksSize() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Record.of(new byte[4095], D))
        .hasMessageContaining("record")
        .hasMessageContaining("4095");
  }
}
