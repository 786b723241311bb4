package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.sector.SectorId;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.Record;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node that serves bad pieces: the sector that needs one is not plotted and says why. */
class BadPieceTest {
  private static final ProtocolParameters DEV = DevHistory.DEV;
  private static final int HISTORY = 8;

  private final TestNode node = new TestNode(HISTORY);
  private final FarmerIdentity identity = FarmerIdentity.devnet(5, DEV);
  private final List<FarmEvent> events = new ArrayList<>();

  /** The piece index sector 0's offset 3 needs. */
  private PieceIndex neededBySectorZero() {
    HistorySize h = new HistorySize(HISTORY);
    SectorId id =
        SectorId.derive(
            identity.publicKeyHash(), identity.commitmentsRoot(h), new SectorIndex(0), h);
    return id.pieceIndex(new PieceOffset(3), h, DEV);
  }

  private BadPieceException.Problem plotWith(Piece bad) {
    PieceIndex index = neededBySectorZero();
    if (bad == null) {
      node.replaced.remove(index);
    } else {
      node.replaced.put(index, bad);
    }
    Farm farm = new Farm(DEV, identity, new MemorySectorStore(), 1, node, 1, events::add);
    farm.sync();
    assertThat(farm.readySectors()).isZero();
    assertThat(events).noneMatch(FarmEvent.SectorPlotted.class::isInstance);
    FarmEvent.PieceRejected rejected =
        (FarmEvent.PieceRejected)
            events.stream()
                .filter(FarmEvent.PieceRejected.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(rejected.problem().index()).isEqualTo(index);
    assertThat(rejected.problem()).hasMessageContaining("piece " + index);
    events.clear();
    return rejected.problem().problem();
  }

  private Piece original() {
    return DevHistory.get().piece(neededBySectorZero().value());
  }

  private static PieceHeader withLanding(PieceHeader h, SuperSegmentIndex s, SegmentPosition p) {
    return new PieceHeader(
        h.shardIndex(),
        h.localSegmentIndex(),
        s,
        p,
        h.segmentRoot(),
        h.segmentProof(),
        h.parityChunksRoot(),
        h.recordProof());
  }

  @Test
  void aTamperedRecordIsRejected() {
    Piece p = original();
    byte[] record = p.record().toBytes();
    record[100] ^= 1;
    assertThat(plotWith(new Piece(p.header(), Record.wrap(record, DEV))))
        .isEqualTo(BadPieceException.Problem.RECORD_PROOF);
  }

  @Test
  void aForeignSegmentRootIsRejected() {
    Piece p = original();
    PieceHeader h = p.header();
    PieceHeader forged =
        new PieceHeader(
            h.shardIndex(),
            h.localSegmentIndex(),
            h.superSegmentIndex(),
            h.segmentPosition(),
            Hash.blake3(new byte[] {1}),
            h.segmentProof(),
            h.parityChunksRoot(),
            h.recordProof());
    assertThat(plotWith(new Piece(forged, p.record())))
        .isEqualTo(BadPieceException.Problem.RECORD_PROOF);
  }

  @Test
  void aPieceLandedElsewhereIsRejected() {
    Piece p = original();
    SuperSegmentIndex s = p.header().superSegmentIndex();
    SuperSegmentIndex other = new SuperSegmentIndex(s.value() == 0 ? 1 : s.value() - 1);
    assertThat(
            plotWith(
                new Piece(
                    withLanding(p.header(), other, p.header().segmentPosition()), p.record())))
        .isEqualTo(BadPieceException.Problem.WRONG_SEGMENT);
    assertThat(plotWith(new Piece(withLanding(p.header(), s, new SegmentPosition(5)), p.record())))
        .isEqualTo(BadPieceException.Problem.WRONG_SEGMENT);
  }

  @Test
  void aPieceOfAnUnknownSuperSegmentIsRejected() {
    Piece p = original();
    assertThat(
            plotWith(
                new Piece(
                    withLanding(
                        p.header(), new SuperSegmentIndex(99), p.header().segmentPosition()),
                    p.record())))
        .isEqualTo(BadPieceException.Problem.NOT_LANDED);
  }

  @Test
  void aMissingPieceIsRejectedAndTheSectorPlotsOnceTheNodeHasIt() {
    node.missing.add(neededBySectorZero());
    Farm farm = new Farm(DEV, identity, new MemorySectorStore(), 1, node, 1, events::add);
    farm.sync();
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            FarmEvent.PieceRejected.class,
            e -> assertThat(e.problem().problem()).isEqualTo(BadPieceException.Problem.MISSING));
    assertThat(farm.readySectors()).isZero();
    events.clear();
    node.missing.clear();
    farm.sync();
    assertThat(farm.readySectors()).isEqualTo(1);
    assertThat(events).singleElement().isInstanceOf(FarmEvent.SectorPlotted.class);
  }

  @Test
  void anUnreachableNodeIsReportedAndTheSyncRetried() {
    Farm farm = new Farm(DEV, identity, new MemorySectorStore(), 2, node, 1, events::add);
    node.failure = new IllegalStateException("node unreachable");
    farm.sync();
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            FarmEvent.PlottingFailed.class,
            e -> assertThat(e.problem()).hasMessage("node unreachable"));
    events.clear();
    node.failure = null;
    node.pieceFailure = new IllegalStateException("piece request timed out");
    farm.sync();
    assertThat(events).hasSize(2).allMatch(FarmEvent.PlottingFailed.class::isInstance);
    assertThat(farm.readySectors()).isZero();
    events.clear();
    node.pieceFailure = null;
    farm.sync();
    assertThat(farm.readySectors()).isEqualTo(2);
    assertThat(events).hasSize(2).allMatch(FarmEvent.SectorPlotted.class::isInstance);
  }
}
