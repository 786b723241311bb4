package dev.annals.node.supersegments;

import static dev.annals.node.archiving.TestChain.GENESIS;
import static dev.annals.node.archiving.TestChain.INTERMEDIATE;
import static dev.annals.node.archiving.TestChain.LEAF;
import static dev.annals.node.archiving.TestChain.PARAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.node.archiving.TestChain;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafSegments;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derivation order and the re-org rule on a stored beacon chain whose bodies report shard
 * segments directly (the roots need not be archived here: the deriver reads only beacon bodies).
 */
class SuperSegmentDeriverTest {
  private static final ShardIndex LEAF_TWO = ShardIndex.leaf(INTERMEDIATE, 2);
  private static final long LAG = PARAMS.blockConfirmationDepth() + PARAMS.shardConfirmationDepth();

  private final TestChain chain = new TestChain();
  private IntermediateBlockHeader intermediateOne;
  private IntermediateBlockHeader intermediateTwo;

  @TempDir Path dir;

  @BeforeEach
  void buildIntermediateHeaders() {
    Block one = chain.intermediate(GENESIS.of(INTERMEDIATE).header(), Optional.empty(), List.of());
    Block two = chain.intermediate(one.header(), Optional.empty(), List.of());
    intermediateOne = (IntermediateBlockHeader) one.header();
    intermediateTwo = (IntermediateBlockHeader) two.header();
  }

  @Test
  void ownSegmentsComeFirstThenReportsInBodyOrderLessThoseReportedAgainFromALowerIndex() {
    Map<Long, List<IntermediateBlockInfo>> reports = new TreeMap<>();
    // Block 2: intermediate own segment 0, leaf segments 0..2.
    reports.put(
        2L,
        List.of(
            info(
                intermediateOne,
                Optional.of(segments(0, "i0")),
                List.of(new LeafSegments(LEAF, segments(0, "a0", "a1", "a2"))))));
    // Block 3: the leaf shard re-orged; it reports again from index 1.
    reports.put(
        3L,
        List.of(
            info(
                intermediateTwo,
                Optional.empty(),
                List.of(new LeafSegments(LEAF, segments(1, "b1", "b2"))))));
    // Block 4: two intermediate blocks; the second reports leaf two again from the same index.
    reports.put(
        4L,
        List.of(
            info(
                intermediateOne,
                Optional.empty(),
                List.of(new LeafSegments(LEAF_TWO, segments(0, "c0", "c1")))),
            info(
                intermediateTwo,
                Optional.empty(),
                List.of(new LeafSegments(LEAF_TWO, segments(1, "d1")))),
            info(
                intermediateOne,
                Optional.empty(),
                List.of(new LeafSegments(LEAF, segments(3, "b3"))))));
    try (ChainStorage storage = TestChain.open(dir)) {
      List<Hash> roots = storeBeacon(storage, reports, 4 + LAG);
      SuperSegmentDeriver deriver = new SuperSegmentDeriver(storage);
      BeaconBlockBody own = body(Optional.of(segments(5, "own5")), List.of());

      assertThat(at(deriver, roots, 2 + LAG, own))
          .containsExactly(
              root(ShardIndex.BEACON, 5, "own5"), root(INTERMEDIATE, 0, "i0"), root(LEAF, 0, "a0"));
      assertThat(at(deriver, roots, 3 + LAG, body(Optional.empty(), List.of())))
          .containsExactly(root(LEAF, 1, "b1"), root(LEAF, 2, "b2"));
      assertThat(at(deriver, roots, 4 + LAG, body(Optional.empty(), List.of())))
          .containsExactly(root(LEAF_TWO, 0, "c0"), root(LEAF_TWO, 1, "d1"), root(LEAF, 3, "b3"));
      // A re-report in the deriving block's own body counts too.
      BeaconBlockBody reReport =
          body(
              Optional.empty(),
              List.of(
                  info(
                      intermediateOne,
                      Optional.empty(),
                      List.of(new LeafSegments(LEAF, segments(0, "e0"))))));
      assertThat(at(deriver, roots, 2 + LAG, reReport))
          .containsExactly(root(INTERMEDIATE, 0, "i0"));
      // Before the lag has passed only own segments fold; none at all means no super segment.
      assertThat(at(deriver, roots, LAG, own)).containsExactly(root(ShardIndex.BEACON, 5, "own5"));
      Hash parent = roots.get((int) LAG - 1);
      assertThat(
              deriver.derive(
                  parent,
                  new BlockNumber(LAG),
                  body(Optional.empty(), List.of()),
                  Optional.empty()))
          .isEmpty();
    }
  }

  @Test
  void theFirstSuperSegmentHoldsOnlyTheBeaconGenesisSegment() {
    try (ChainStorage storage = TestChain.open(dir)) {
      SuperSegmentDeriver deriver = new SuperSegmentDeriver(storage);
      Hash genesis = TestChain.genesisRoot(ShardIndex.BEACON);
      Optional<SuperSegment> first =
          deriver.derive(
              genesis,
              new BlockNumber(1),
              body(Optional.of(segments(0, "g")), List.of()),
              Optional.empty());
      assertThat(first.orElseThrow().header().index().value()).isZero();
      assertThat(first.get().segments()).containsExactly(root(ShardIndex.BEACON, 0, "g"));
      assertThatThrownBy(
              () ->
                  deriver.derive(
                      genesis,
                      new BlockNumber(1),
                      body(Optional.of(segments(0, "g", "h")), List.of()),
                      Optional.empty()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("only the beacon genesis segment");
      // Landed, a competing block 1 derives the same first super segment, but cannot land it.
      try (BlockWrite write = storage.beginWrite()) {
        new SegmentLander(storage).land(write, first.get());
        write.commit();
      }
      Optional<SuperSegment> competing =
          deriver.derive(
              genesis, new BlockNumber(1), body(Optional.of(segments(0, "g")), List.of()));
      assertThat(competing.orElseThrow().header()).isEqualTo(first.get().header());
      try (BlockWrite write = storage.beginWrite()) {
        assertThatThrownBy(() -> new SegmentLander(storage).land(write, competing.get()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("beacon re-org across landed super segments is refused");
      }
    }
  }

  @Test
  void aForkDerivesAfterItsOwnUnlandedSuperSegments() {
    try (ChainStorage storage = TestChain.open(dir)) {
      SuperSegmentDeriver deriver = new SuperSegmentDeriver(storage);
      SegmentLander lander = new SegmentLander(storage);
      // Best chain: block 1 lands the first super segment, blocks 2 and 3 fold nothing.
      BeaconBlockBody oneBody = body(Optional.of(segments(0, "g")), List.of());
      Hash genesis = TestChain.genesisRoot(ShardIndex.BEACON);
      SuperSegment first = deriver.derive(genesis, new BlockNumber(1), oneBody).orElseThrow();
      Block one = chain.beacon(GENESIS.beacon().header(), oneBody, Optional.of(first.root()));
      Hash oneRoot = TestChain.importBest(storage, one, (w, r) -> lander.land(w, first));
      Block two = chain.beacon(one.header(), body(Optional.empty(), List.of()), Optional.empty());
      Hash twoRoot = TestChain.importBest(storage, two, (w, r) -> {});
      // Fork: block 2' folds beacon segment 1 (stored, never best, so never landed).
      BeaconBlockBody forkBody = body(Optional.of(segments(1, "x")), List.of());
      SuperSegment forkSuper = deriver.derive(oneRoot, new BlockNumber(2), forkBody).orElseThrow();
      Block forkTwo = chain.beacon(one.header(), forkBody, Optional.of(forkSuper.root()));
      Hash forkTwoRoot;
      try (BlockWrite write = storage.beginWrite()) {
        forkTwoRoot = write.putBlock(forkTwo.header(), forkTwo.body());
        write.commit();
      }
      SuperSegment expectedForkSuper =
          SuperSegment.next(
              first.header(), new BlockNumber(2), List.of(root(ShardIndex.BEACON, 1, "x")));
      assertThat(forkSuper.header()).isEqualTo(expectedForkSuper.header());

      assertThat(deriver.previousFor(twoRoot)).contains(first.header());
      assertThat(deriver.previousFor(forkTwoRoot)).contains(expectedForkSuper.header());
      BeaconBlockBody threeBody = body(Optional.of(segments(2, "y")), List.of());
      SuperSegment forkThree =
          deriver.derive(forkTwoRoot, new BlockNumber(3), threeBody).orElseThrow();
      assertThat(forkThree.header().index().value()).isEqualTo(2);
      assertThat(forkThree.header().previousHeaderHash())
          .isEqualTo(expectedForkSuper.header().hash());
      // The best chain's block 3 folds after the landed first super segment instead.
      SuperSegment bestThree = deriver.derive(twoRoot, new BlockNumber(3), threeBody).orElseThrow();
      assertThat(bestThree.header().index().value()).isEqualTo(1);
      // Switching the best chain to the fork would land super segment 2 after landed 0: refused.
      try (BlockWrite write = storage.beginWrite()) {
        assertThatThrownBy(() -> lander.land(write, forkThree))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("does not follow the last landed one 0");
      }
    }
  }

  @Test
  void theLanderRefusesASegmentTwiceOrWithAnotherRootThanArchived() {
    try (ChainStorage storage = TestChain.open(dir)) {
      SuperSegment first = SuperSegment.first(new BlockNumber(1), root(ShardIndex.BEACON, 0, "g"));
      SegmentLander lander = new SegmentLander(storage);
      try (BlockWrite write = storage.beginWrite()) {
        lander.land(write, first);
        write.commit();
      }
      SuperSegment again =
          SuperSegment.next(
              first.header(), new BlockNumber(2), List.of(root(ShardIndex.BEACON, 0, "g")));
      try (BlockWrite write = storage.beginWrite()) {
        assertThatThrownBy(() -> lander.land(write, again))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("already landed as global segment 0");
      }
      try (BlockWrite write = storage.beginWrite()) {
        write.putSegmentHeader(
            LEAF,
            new SegmentHeader(
                LocalSegmentIndex.ZERO,
                hash("archived"),
                Hash.ZERO,
                LastArchivedBlock.complete(new BlockNumber(3))));
        write.commit();
      }
      SuperSegment other =
          SuperSegment.next(first.header(), new BlockNumber(2), List.of(root(LEAF, 0, "claimed")));
      try (BlockWrite write = storage.beginWrite()) {
        assertThatThrownBy(() -> lander.land(write, other))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("was archived here with root");
      }
      SuperSegment twice =
          SuperSegment.next(
              first.header(),
              new BlockNumber(2),
              List.of(root(LEAF_TWO, 0, "p"), root(LEAF_TWO, 0, "q")));
      try (BlockWrite write = storage.beginWrite()) {
        assertThatThrownBy(() -> lander.land(write, twice))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("appears twice");
      }
      assertThat(storage.lastSuperSegmentHeader()).contains(first.header());
    }
  }

  private List<ShardSegmentRoot> at(
      SuperSegmentDeriver deriver, List<Hash> roots, long number, BeaconBlockBody body) {
    return deriver.segmentsAt(roots.get((int) number - 1), new BlockNumber(number), body);
  }

  /** Stores beacon blocks 1..count as the best chain; returns all roots, genesis at index 0. */
  private List<Hash> storeBeacon(
      ChainStorage storage, Map<Long, List<IntermediateBlockInfo>> reports, long count) {
    List<Hash> roots = new ArrayList<>();
    roots.add(TestChain.genesisRoot(ShardIndex.BEACON));
    BlockHeader head = GENESIS.beacon().header();
    for (long n = 1; n <= count; n++) {
      Block block =
          chain.beacon(
              head, body(Optional.empty(), reports.getOrDefault(n, List.of())), Optional.empty());
      roots.add(TestChain.importBest(storage, block, (w, r) -> {}));
      head = block.header();
    }
    return roots;
  }

  private static BeaconBlockBody body(
      Optional<OwnSegments> own, List<IntermediateBlockInfo> intermediates) {
    return new BeaconBlockBody(own, intermediates, List.of());
  }

  private static IntermediateBlockInfo info(
      IntermediateBlockHeader header, Optional<OwnSegments> own, List<LeafSegments> leaves) {
    boolean any = own.isPresent() || !leaves.isEmpty();
    return new IntermediateBlockInfo(
        header, any ? Optional.of(hash("proof")) : Optional.empty(), own, leaves);
  }

  private static OwnSegments segments(long first, String... names) {
    List<Hash> roots = new ArrayList<>();
    for (String name : names) {
      roots.add(hash(name));
    }
    return new OwnSegments(new LocalSegmentIndex(first), roots);
  }

  private static ShardSegmentRoot root(ShardIndex shard, long local, String name) {
    return new ShardSegmentRoot(shard, new LocalSegmentIndex(local), hash(name));
  }

  private static Hash hash(String name) {
    return Hash.blake3(name.getBytes(StandardCharsets.UTF_8));
  }
}
