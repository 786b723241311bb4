package dev.annals.supersegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuperSegmentTest {
  private final Random random = new Random(21);

  @Test
  void theFirstSuperSegmentHoldsTheBeaconGenesisSegment() {
    ShardSegmentRoot genesis = TestSegments.genesis(random);
    SuperSegment first = SuperSegment.first(new BlockNumber(1), genesis);
    SuperSegmentHeader h = first.header();
    assertThat(h.index()).isEqualTo(SuperSegmentIndex.ZERO);
    assertThat(h.previousHeaderHash()).isEqualTo(Hash.ZERO);
    assertThat(h.maxSegmentIndex()).isEqualTo(GlobalSegmentIndex.ZERO);
    assertThat(h.targetBeaconBlockNumber()).isEqualTo(new BlockNumber(1));
    assertThat(h.segmentCount()).isEqualTo(1);
    // A one-leaf unbalanced root is the leaf itself.
    assertThat(h.root().toBytes()).isEqualTo(NaiveSuperSegmentTree.leaf(genesis, 0));
    assertThat(first.proof(SegmentPosition.ZERO)).isEmpty();
    assertThat(SuperSegmentHeader.decode(h.encode())).isEqualTo(h);

    ShardSegmentRoot notGenesis =
        new ShardSegmentRoot(ShardIndex.intermediate(1), LocalSegmentIndex.ZERO, genesis.root());
    assertThatThrownBy(() -> SuperSegment.first(new BlockNumber(1), notGenesis))
        .hasMessageContaining("beacon genesis segment")
        .hasMessageContaining("shard 1");
    ShardSegmentRoot second =
        new ShardSegmentRoot(ShardIndex.BEACON, new LocalSegmentIndex(1), genesis.root());
    assertThatThrownBy(() -> SuperSegment.first(new BlockNumber(1), second))
        .hasMessageContaining("local index 1");
  }

  @Test
  void theNextSuperSegmentChainsToThePreviousAndNumbersItsSegments() {
    SuperSegment first = SuperSegment.first(new BlockNumber(1), TestSegments.genesis(random));
    List<ShardSegmentRoot> segments = TestSegments.random(random, 7);
    SuperSegment next = SuperSegment.next(first.header(), new BlockNumber(9), segments);
    SuperSegmentHeader h = next.header();
    assertThat(h.index().value()).isEqualTo(1);
    assertThat(h.previousHeaderHash()).isEqualTo(first.header().hash());
    assertThat(h.maxSegmentIndex().value()).isEqualTo(7);
    assertThat(h.segmentCount()).isEqualTo(7);
    assertThat(h.targetBeaconBlockNumber().value()).isEqualTo(9);
    for (int p = 0; p < 7; p++) {
      assertThat(next.globalSegmentIndex(new SegmentPosition(p)).value()).isEqualTo(1 + p);
      ShardSegmentRoot s = segments.get(p);
      assertThat(next.positionOf(s.shard(), s.localIndex())).isEqualTo(p);
      assertThat(next.segmentAt(new SegmentPosition(p))).isEqualTo(s);
    }
    assertThat(next.positionOf(ShardIndex.intermediate(5), new LocalSegmentIndex(-1)))
        .isEqualTo(-1);
    assertThatThrownBy(() -> next.proof(new SegmentPosition(7)))
        .hasMessageContaining("segment_position")
        .hasMessageContaining("value 7");
  }

  @Test
  void badSegmentListsAreRejected() {
    SuperSegmentHeader first =
        SuperSegment.first(new BlockNumber(3), TestSegments.genesis(random)).header();
    List<ShardSegmentRoot> one = TestSegments.random(random, 1);
    assertThatThrownBy(() -> SuperSegment.next(first, new BlockNumber(4), List.of()))
        .hasMessageContaining("1..=1048575")
        .hasMessageContaining("value 0");
    List<ShardSegmentRoot> tooMany = Collections.nCopies(1 << 20, one.getFirst());
    assertThatThrownBy(() -> SuperSegment.next(first, new BlockNumber(4), tooMany))
        .hasMessageContaining("value 1048576");
    assertThatThrownBy(() -> SuperSegment.next(first, new BlockNumber(3), one))
        .hasMessageContaining("target beacon block");
    SuperSegmentHeader nearTheEnd =
        new SuperSegmentHeader(
            new SuperSegmentIndex(5),
            Hash.ZERO,
            Hash.ZERO,
            new GlobalSegmentIndex(-1),
            new BlockNumber(10),
            1);
    assertThatThrownBy(() -> SuperSegment.next(nearTheEnd, new BlockNumber(11), one))
        .hasMessageContaining("overflows u64");
    assertThatThrownBy(
            () -> new ShardSegmentRoot(new ShardIndex(1 << 10), LocalSegmentIndex.ZERO, Hash.ZERO))
        .hasMessageContaining("phantom");
  }
}
