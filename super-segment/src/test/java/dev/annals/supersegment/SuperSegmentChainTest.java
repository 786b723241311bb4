package dev.annals.supersegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuperSegmentChainTest {
  private static final ProtocolParameters DEV = ProtocolParameters.DEV;

  @Test
  void lookupsMatchALinearScanAcrossManyPages() {
    Random random = new Random(11);
    List<SuperSegmentHeader> headers = SyntheticHeaders.chain(random, 5000, 40);
    SuperSegmentChain chain = new SuperSegmentChain();
    chain.appendAll(headers);
    assertThat(chain.size()).isEqualTo(5000);
    for (int k = 0; k < 20_000; k++) {
      long g =
          k < 100
              ? headers.get(random.nextInt(headers.size())).maxSegmentIndex().value()
              : random.nextLong(headers.getLast().maxSegmentIndex().value() + 1);
      SegmentLocation at = chain.locate(new GlobalSegmentIndex(g));
      SuperSegmentHeader expected = linearScan(headers, g);
      assertThat(at.superSegment()).isEqualTo(expected.index());
      assertThat(at.position().value())
          .isEqualTo(g - (expected.maxSegmentIndex().value() - expected.segmentCount() + 1));
    }
    for (int i = 0; i < headers.size(); i += 97) {
      SuperSegmentHeader h = headers.get(i);
      assertThat(chain.root(h.index())).isEqualTo(h.root());
      assertThat(chain.segmentCount(h.index())).isEqualTo(h.segmentCount());
      assertThat(chain.maxSegmentIndex(h.index())).isEqualTo(h.maxSegmentIndex());
    }
    assertThat(chain.lastHeader()).contains(headers.getLast());
  }

  private static SuperSegmentHeader linearScan(List<SuperSegmentHeader> headers, long g) {
    for (SuperSegmentHeader h : headers) {
      long first = h.maxSegmentIndex().value() - h.segmentCount() + 1;
      if (g >= first && g <= h.maxSegmentIndex().value()) {
        return h;
      }
    }
    throw new AssertionError("no header holds " + g);
  }

  @Test
  void pieceLookupSplitsTheIndexAndRefusesTheUnknown() {
    Random random = new Random(12);
    List<SuperSegmentHeader> headers = SyntheticHeaders.chain(random, 30, 9);
    SuperSegmentChain chain = new SuperSegmentChain();
    chain.appendAll(headers);
    long last = headers.getLast().maxSegmentIndex().value();
    long pieces = (last + 1) * DEV.piecesPerSegment();
    for (long piece = 0; piece < pieces; piece += 7) {
      PieceLocation at = chain.locate(new PieceIndex(piece), DEV);
      assertThat(at.segment().segment().value()).isEqualTo(piece / DEV.piecesPerSegment());
      assertThat(at.position().value()).isEqualTo((int) (piece % DEV.piecesPerSegment()));
      assertThat(at.segment()).isEqualTo(chain.locate(at.segment().segment()));
    }
    assertThatThrownBy(() -> chain.locate(new PieceIndex(pieces), DEV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("piece_index")
        .hasMessageContaining("beyond the known history")
        .hasMessageContaining("value " + pieces);
    assertThatThrownBy(() -> chain.locate(new GlobalSegmentIndex(-1)))
        .hasMessageContaining("18446744073709551615");
    assertThatThrownBy(() -> new SuperSegmentChain().locate(GlobalSegmentIndex.ZERO))
        .hasMessageContaining("no super segments are known");
    assertThatThrownBy(() -> chain.root(new SuperSegmentIndex(30)))
        .hasMessageContaining("super_segment_index");
  }

  @Test
  void theFirstHeaderMustBeTheGenesisSuperSegment() {
    Random random = new Random(13);
    SuperSegmentHeader good = SyntheticHeaders.chain(random, 1, 1).getFirst();
    SuperSegmentChain chain = new SuperSegmentChain();
    assertRejected(chain, SyntheticHeaders.with(good, 1, Hash.ZERO, 0, 1, 1), "index");
    assertRejected(
        chain,
        SyntheticHeaders.with(good, 0, TestSegments.randomHash(random), 0, 1, 1),
        "prev_super_segment_header_hash");
    assertRejected(chain, SyntheticHeaders.with(good, 0, Hash.ZERO, 1, 1, 2), "num_segments");
    assertRejected(chain, SyntheticHeaders.with(good, 0, Hash.ZERO, 5, 1, 1), "num_segments");
    assertThat(chain.isEmpty()).isTrue();
    chain.append(good);
    assertThat(chain.size()).isEqualTo(1);
  }

  @Test
  void headersOutOfSequenceAreRejectedAndChangeNothing() {
    Random random = new Random(14);
    List<SuperSegmentHeader> headers = SyntheticHeaders.chain(random, 10, 5);
    SuperSegmentChain chain = new SuperSegmentChain();
    chain.appendAll(headers);
    SuperSegmentHeader last = headers.getLast();
    SuperSegmentHeader next = SyntheticHeaders.after(last, random, 4);
    long i = next.index().value();
    Hash prev = next.previousHeaderHash();
    long max = next.maxSegmentIndex().value();
    long target = next.targetBeaconBlockNumber().value();

    assertRejected(chain, SyntheticHeaders.with(next, i + 1, prev, max, target, 4), "index");
    assertRejected(chain, SyntheticHeaders.with(next, i - 1, prev, max, target, 4), "index");
    assertRejected(chain, last, "index");
    assertRejected(
        chain,
        SyntheticHeaders.with(next, i, headers.get(8).hash(), max, target, 4),
        "prev_super_segment_header_hash");
    assertRejected(
        chain, SyntheticHeaders.with(next, i, prev, max + 1, target, 4), "max_segment_index");
    assertRejected(
        chain, SyntheticHeaders.with(next, i, prev, max - 1, target, 4), "max_segment_index");
    assertRejected(
        chain, SyntheticHeaders.with(next, i, prev, max, target, 3), "max_segment_index");
    assertRejected(
        chain,
        SyntheticHeaders.with(next, i, prev, max, last.targetBeaconBlockNumber().value(), 4),
        "target_beacon_block_number");
    assertThatThrownBy(() -> chain.append(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(chain.lastHeader()).contains(last);

    chain.append(next);
    assertThat(chain.size()).isEqualTo(11);
  }

  @Test
  void aBadHeaderInABatchAcrossAPageBoundaryAppendsNone() {
    Random random = new Random(15);
    List<SuperSegmentHeader> headers = SyntheticHeaders.chain(random, 1300, 3);
    SuperSegmentChain chain = new SuperSegmentChain();
    chain.appendAll(headers.subList(0, 1020));
    SuperSegmentHeader lastKept = headers.get(1019);
    long lastGlobal = lastKept.maxSegmentIndex().value();

    List<SuperSegmentHeader> batch = new ArrayList<>(headers.subList(1020, 1100));
    SuperSegmentHeader bad = batch.get(50);
    batch.set(
        50,
        SyntheticHeaders.with(
            bad,
            bad.index().value(),
            bad.previousHeaderHash(),
            bad.maxSegmentIndex().value() + 1,
            bad.targetBeaconBlockNumber().value(),
            bad.segmentCount()));
    assertThatThrownBy(() -> chain.appendAll(batch))
        .hasMessageContaining("super segment header 1070 rejected: max_segment_index");
    assertThat(chain.size()).isEqualTo(1020);
    assertThat(chain.lastHeader()).contains(lastKept);
    assertThat(chain.maxSegmentIndex().value()).isEqualTo(lastGlobal);
    assertThatThrownBy(() -> chain.locate(new GlobalSegmentIndex(lastGlobal + 1)))
        .hasMessageContaining("beyond the known history");
    assertThat(chain.locate(new GlobalSegmentIndex(lastGlobal)).superSegment())
        .isEqualTo(lastKept.index());

    chain.appendAll(headers.subList(1020, 1300));
    assertThat(chain.size()).isEqualTo(1300);
    for (SuperSegmentHeader h : headers.subList(1000, 1300)) {
      assertThat(chain.locate(h.maxSegmentIndex()).superSegment()).isEqualTo(h.index());
      assertThat(chain.root(h.index())).isEqualTo(h.root());
    }
  }

  @Test
  void lookupsStayRightAfterFailedBatchesAtEveryLevelBoundary() {
    Random random = new Random(16);
    List<SuperSegmentHeader> headers = SyntheticHeaders.chain(random, 700, 4);
    for (int kept : new int[] {1, 7, 8, 9, 63, 64, 65, 511, 512, 513}) {
      SuperSegmentChain chain = new SuperSegmentChain();
      chain.appendAll(headers.subList(0, kept));
      List<SuperSegmentHeader> batch = new ArrayList<>(headers.subList(kept, 700));
      batch.add(headers.get(3)); // out of sequence at the end
      assertThatThrownBy(() -> chain.appendAll(batch)).hasMessageContaining("rejected: index");
      assertThat(chain.size()).isEqualTo(kept);
      long last = headers.get(kept - 1).maxSegmentIndex().value();
      for (long g = 0; g <= last; g++) {
        assertThat(chain.locate(new GlobalSegmentIndex(g)).superSegment())
            .as("kept %d, segment %d", kept, g)
            .isEqualTo(linearScan(headers, g).index());
      }
      chain.appendAll(headers.subList(kept, 700));
      for (long g = 0; g <= headers.getLast().maxSegmentIndex().value(); g += 3) {
        assertThat(chain.locate(new GlobalSegmentIndex(g)).superSegment())
            .isEqualTo(linearScan(headers, g).index());
      }
    }
  }

  private static void assertRejected(
      SuperSegmentChain chain, SuperSegmentHeader header, String field) {
    int size = chain.size();
    var last = chain.lastHeader();
    assertThatThrownBy(() -> chain.append(header))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rejected: " + field);
    assertThat(chain.size()).isEqualTo(size);
    assertThat(chain.lastHeader()).isEqualTo(last);
  }
}
