package dev.annals.node.supersegments;

import static dev.annals.node.archiving.TestChain.GENESIS;
import static dev.annals.node.archiving.TestChain.INTERMEDIATE;
import static dev.annals.node.archiving.TestChain.LEAF;
import static dev.annals.node.archiving.TestChain.PARAMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.node.archiving.ShardArchiverTask;
import dev.annals.node.archiving.TestChain;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.SegmentLanding;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.LeafSegments;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.LightClient;
import dev.annals.supersegment.SuperSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leaf shard's segments travel up (leaf bodies, an intermediate body, a beacon body), fold into a
 * super segment once the beacon chain is past both depths, land, and a leaf piece fetched by its
 * global index verifies with the super segment headers alone.
 */
class SuperSegmentEndToEndTest {
  private static final int LEAF_BLOCKS = 26;
  private static final int LEAVES_PER_INTERMEDIATE = 6;

  private final TestChain chain = new TestChain();

  @Test
  void aLeafPieceReachesASuperSegmentAndVerifiesWithTheLightClient(@TempDir Path dir) {
    try (ChainStorage storage = TestChain.open(dir)) {
      ShardArchiverTask leafTask = ShardArchiverTask.open(storage, GENESIS, LEAF, null);
      ShardArchiverTask intermediateTask =
          ShardArchiverTask.open(storage, GENESIS, INTERMEDIATE, null);
      ShardArchiverTask beaconTask =
          ShardArchiverTask.open(storage, GENESIS, ShardIndex.BEACON, null);
      SuperSegmentDeriver deriver = new SuperSegmentDeriver(storage);
      SegmentLander lander = new SegmentLander(storage);

      List<Block> leaves = new ArrayList<>();
      BlockHeader leafHead = GENESIS.of(LEAF).header();
      for (int i = 0; i < LEAF_BLOCKS; i++) {
        Optional<OwnSegments> own =
            leafTask.expectedOwnSegments(leafHead.root(PARAMS), leafHead.prefix().number().next());
        Block block = chain.leaf(leafHead, own, 2500 + i * 61, i);
        TestChain.importBest(
            storage, block, (w, root) -> leafTask.archive(w, root, block.header()));
        leaves.add(block);
        leafHead = block.header();
      }
      long leafSegments = storage.segmentCount(LEAF);
      assertThat(leafSegments).isGreaterThanOrEqualTo(2);

      List<Block> intermediates = new ArrayList<>();
      BlockHeader intermediateHead = GENESIS.of(INTERMEDIATE).header();
      for (int from = 0; from < LEAF_BLOCKS; from += LEAVES_PER_INTERMEDIATE) {
        List<LeafBlockInfo> infos = new ArrayList<>();
        for (Block leaf :
            leaves.subList(from, Math.min(LEAF_BLOCKS, from + LEAVES_PER_INTERMEDIATE))) {
          infos.add(TestChain.leafInfo(leaf));
        }
        Optional<OwnSegments> own =
            intermediateTask.expectedOwnSegments(
                intermediateHead.root(PARAMS), intermediateHead.prefix().number().next());
        Block block = chain.intermediate(intermediateHead, own, infos);
        TestChain.importBest(
            storage, block, (w, root) -> intermediateTask.archive(w, root, block.header()));
        intermediates.add(block);
        intermediateHead = block.header();
      }

      // Beacon block i carries intermediate block i; then the chain runs on past both depths.
      long lag = PARAMS.blockConfirmationDepth() + PARAMS.shardConfirmationDepth();
      long beaconBlocks = intermediates.size() + lag + 2;
      List<Block> beacon = new ArrayList<>();
      BlockHeader beaconHead = GENESIS.beacon().header();
      for (long n = 1; n <= beaconBlocks; n++) {
        Hash parentRoot = beaconHead.root(PARAMS);
        BlockNumber number = new BlockNumber(n);
        List<IntermediateBlockInfo> infos =
            n <= intermediates.size()
                ? List.of(TestChain.intermediateInfo(intermediates.get((int) n - 1)))
                : List.of();
        BeaconBlockBody body =
            new BeaconBlockBody(
                beaconTask.expectedOwnSegments(parentRoot, number), infos, List.of());
        Optional<SuperSegment> superSegment = deriver.derive(parentRoot, number, body);
        Block block = chain.beacon(beaconHead, body, superSegment.map(SuperSegment::root));
        TestChain.importBest(
            storage,
            block,
            (w, root) -> {
              beaconTask.archive(w, root, block.header());
              superSegment.ifPresent(s -> lander.land(w, s));
            });
        beacon.add(block);
        beaconHead = block.header();
      }

      List<SuperSegmentHeader> headers = storage.superSegmentHeaders(SuperSegmentIndex.ZERO, 1000);
      SuperSegmentHeader first = headers.getFirst();
      assertThat(first.targetBeaconBlockNumber()).isEqualTo(new BlockNumber(1));
      assertThat(first.segmentCount()).isEqualTo(1);
      assertThat(storage.landing(GlobalSegmentIndex.ZERO).orElseThrow().shard())
          .isEqualTo(ShardIndex.BEACON);
      // Each beacon header's consensus parameters carry the root of the super segment it targets.
      for (SuperSegmentHeader header : headers) {
        BeaconBlockHeader target =
            (BeaconBlockHeader)
                beacon.get((int) header.targetBeaconBlockNumber().value() - 1).header();
        assertThat(target.consensusParameters().superSegmentRoot()).contains(header.root());
      }

      // Every leaf segment landed, in local index order, each once.
      long previousGlobal = -1;
      for (long i = 0; i < leafSegments; i++) {
        GlobalSegmentIndex global =
            storage.globalIndex(LEAF, new LocalSegmentIndex(i)).orElseThrow();
        assertThat(global.value()).isGreaterThan(previousGlobal);
        previousGlobal = global.value();
        SegmentLanding landing = storage.landing(global).orElseThrow();
        assertThat(landing.shard()).isEqualTo(LEAF);
        assertThat(landing.localIndex()).isEqualTo(new LocalSegmentIndex(i));
      }
      for (long i = 0; i < storage.segmentCount(INTERMEDIATE); i++) {
        assertThat(storage.globalIndex(INTERMEDIATE, new LocalSegmentIndex(i))).isPresent();
      }

      LightClient client = new LightClient(PARAMS);
      client.acceptHeaders(headers);
      SplittableRandom random = new SplittableRandom(42);
      for (int trial = 0; trial < 4; trial++) {
        long local = random.nextLong(leafSegments);
        int position = random.nextInt(PARAMS.piecesPerSegment());
        GlobalSegmentIndex global =
            storage.globalIndex(LEAF, new LocalSegmentIndex(local)).orElseThrow();
        PieceIndex index = new PieceIndex(global.value() * PARAMS.piecesPerSegment() + position);
        Piece piece = storage.piece(index).orElseThrow();
        assertThat(piece.header().shardIndex()).isEqualTo(LEAF);
        assertThat(piece.record())
            .isEqualTo(
                storage
                    .piece(LEAF, new LocalSegmentIndex(local), new PiecePosition(position))
                    .orElseThrow()
                    .record());
        assertThat(client.verify(piece, index)).isEmpty();
        PieceIndex other = new PieceIndex(index.value() ^ 1);
        assertThat(client.verify(piece, other)).isPresent();
      }

      // The genesis segment's pieces verify too (the padded beacon genesis).
      Piece genesisPiece = storage.piece(new PieceIndex(3)).orElseThrow();
      assertThat(client.verify(genesisPiece, new PieceIndex(3))).isEmpty();

      // The leaf segments were folded from the beacon block that reported them, lag blocks later.
      for (long i = 0; i < leafSegments; i++) {
        SegmentLanding landing =
            storage
                .landing(storage.globalIndex(LEAF, new LocalSegmentIndex(i)).orElseThrow())
                .orElseThrow();
        SuperSegmentHeader holder = headers.get((int) landing.superSegmentIndex().value());
        long reportedIn = reportingBeaconBlock(beacon, i);
        assertThat(holder.targetBeaconBlockNumber().value()).isEqualTo(reportedIn + lag);
      }
      SegmentHeader lastLeaf =
          storage.segmentHeader(LEAF, new LocalSegmentIndex(leafSegments - 1)).orElseThrow();
      assertThat(lastLeaf.root()).isNotEqualTo(Hash.ZERO);
    }
  }

  /** The number of the beacon block whose body carries leaf segment {@code local}. */
  private static long reportingBeaconBlock(List<Block> beacon, long local) {
    for (Block block : beacon) {
      for (IntermediateBlockInfo info : ((BeaconBlockBody) block.body()).intermediateBlocks()) {
        for (LeafSegments leaf : info.leafSegments()) {
          long first = leaf.segments().firstLocalIndex().value();
          if (leaf.shard().equals(LEAF)
              && local >= first
              && local < first + leaf.segments().segmentRoots().size()) {
            return block.header().prefix().number().value();
          }
        }
      }
    }
    throw new AssertionError("leaf segment " + local + " was never reported");
  }
}
