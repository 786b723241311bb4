package dev.annals.node.archiving;

import static dev.annals.node.archiving.TestChain.GENESIS;
import static dev.annals.node.archiving.TestChain.LEAF;
import static dev.annals.node.archiving.TestChain.PARAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.archiver.ReconstructedBlock;
import dev.annals.archiver.Reconstructor;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.DatabaseCorruptionException;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SegmentHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardArchiverTaskTest {
  private static final int BLOCKS = 30;
  private static final long DEPTH = PARAMS.blockConfirmationDepth();

  private final TestChain chain = new TestChain();

  @Test
  void aLeafShardArchivesConfirmedBlocksIntoSegmentsThatReconstructEveryBlock(@TempDir Path dir) {
    List<Block> blocks = new ArrayList<>();
    try (ChainStorage storage = TestChain.open(dir)) {
      ShardArchiverTask task = ShardArchiverTask.open(storage, GENESIS, LEAF, null);
      extend(storage, task, BLOCKS, blocks);

      List<SegmentHeader> headers = storage.segmentHeaders(LEAF, LocalSegmentIndex.ZERO, 100);
      assertThat(headers).hasSizeGreaterThanOrEqualTo(2);
      // Each segment is carried, once, by the block that made its last block depth deep.
      Map<Long, Hash> carried = new HashMap<>();
      for (Block block : blocks) {
        ((LeafBlockBody) block.body())
            .ownSegments()
            .ifPresent(
                own -> {
                  for (int i = 0; i < own.segmentRoots().size(); i++) {
                    long index = own.firstLocalIndex().value() + i;
                    assertThat(carried.put(index, own.segmentRoots().get(i))).isNull();
                    SegmentHeader header = headers.get((int) index);
                    assertThat(header.lastArchivedBlock().number().value() + DEPTH)
                        .isEqualTo(block.header().prefix().number().value());
                  }
                });
      }
      assertThat(carried).hasSize(headers.size());
      for (SegmentHeader header : headers) {
        assertThat(carried.get(header.index().value())).isEqualTo(header.root());
      }

      // The stored pieces give back every archived block, the genesis block first.
      Reconstructor reconstructor = new Reconstructor(PARAMS);
      List<ReconstructedBlock> rebuilt = new ArrayList<>();
      for (SegmentHeader header : headers) {
        Piece[] pieces = new Piece[PARAMS.piecesPerSegment()];
        for (int p = 0; p < pieces.length; p++) {
          pieces[p] = storage.piece(LEAF, header.index(), new PiecePosition(p)).orElseThrow();
        }
        rebuilt.addAll(reconstructor.addSegment(pieces));
      }
      assertThat(rebuilt).isNotEmpty();
      assertThat(rebuilt.getFirst().number()).isZero();
      assertThat(Block.fromArchiverBytes(rebuilt.getFirst().bytes(), PARAMS).header())
          .isEqualTo(GENESIS.of(LEAF).header());
      for (ReconstructedBlock r : rebuilt.subList(1, rebuilt.size())) {
        Block original = blocks.get((int) r.number() - 1);
        assertThat(r.bytes()).isEqualTo(original.archiverBytes(PARAMS));
      }
    }
  }

  @Test
  void stoppingAndReopeningMidwayArchivesTheSameSegments(@TempDir Path straight, @TempDir Path stop)
      throws Exception {
    List<Block> a = new ArrayList<>();
    List<SegmentHeader> expected;
    byte[] expectedState;
    List<Piece> expectedLastPieces = new ArrayList<>();
    try (ChainStorage storage = TestChain.open(straight)) {
      extend(storage, ShardArchiverTask.open(storage, GENESIS, LEAF, null), BLOCKS, a);
      expected = storage.segmentHeaders(LEAF, LocalSegmentIndex.ZERO, 100);
      expectedState = storage.archiverState(LEAF).orElseThrow();
      for (int p = 0; p < PARAMS.piecesPerSegment(); p++) {
        expectedLastPieces.add(
            storage.piece(LEAF, expected.getLast().index(), new PiecePosition(p)).orElseThrow());
      }
    }
    List<Block> b = new ArrayList<>();
    // Stop at several points, including right after a segment closed and inside a partial block.
    int[] stops = {3, 9, 14, 22, BLOCKS};
    int done = 0;
    for (int stopAt : stops) {
      try (ChainStorage storage = TestChain.open(stop)) {
        ShardArchiverTask task = ShardArchiverTask.open(storage, GENESIS, LEAF, null);
        extend(storage, task, stopAt - done, b);
        done = stopAt;
      }
    }
    try (ChainStorage storage = TestChain.open(stop)) {
      assertThat(storage.segmentHeaders(LEAF, LocalSegmentIndex.ZERO, 100)).isEqualTo(expected);
      assertThat(storage.archiverState(LEAF).orElseThrow()).isEqualTo(expectedState);
      for (int p = 0; p < PARAMS.piecesPerSegment(); p++) {
        assertThat(storage.piece(LEAF, expected.getLast().index(), new PiecePosition(p)))
            .contains(expectedLastPieces.get(p));
      }
    }
    assertThat(b).isEqualTo(a);
  }

  @Test
  void aStepAskedForButNeverCommittedGivesTheSameAnswerAgain(@TempDir Path dir) {
    try (ChainStorage storage = TestChain.open(dir)) {
      ShardArchiverTask task = ShardArchiverTask.open(storage, GENESIS, LEAF, null);
      List<Block> blocks = new ArrayList<>();
      extend(storage, task, 12, blocks);
      BlockHeader head = blocks.getLast().header();
      Hash headRoot = head.root(PARAMS);
      BlockNumber next = head.prefix().number().next();
      Optional<OwnSegments> first = task.expectedOwnSegments(headRoot, next);
      Block candidate = chain.leaf(head, first, 3000, 999);
      // An import that fails after archiving: the batch is closed without commit.
      try (BlockWrite write = storage.beginWrite()) {
        write.putBlock(candidate.header(), candidate.body());
        task.archive(write, candidate.header().root(PARAMS), candidate.header());
      }
      long stateBefore =
          ArchiverState.decode(storage.archiverState(LEAF).orElseThrow()).fedThrough().value();
      assertThat(stateBefore).isEqualTo(12 - DEPTH);
      assertThat(task.expectedOwnSegments(headRoot, next)).isEqualTo(first);
      // A task reopened from storage (which never saw that step) agrees.
      ShardArchiverTask reopened = ShardArchiverTask.open(storage, GENESIS, LEAF, null);
      assertThat(reopened.expectedOwnSegments(headRoot, next)).isEqualTo(first);
      // Answers for blocks whose step is committed come from storage and match the bodies.
      for (Block block : blocks) {
        BlockHeader h = block.header();
        assertThat(reopened.expectedOwnSegments(h.prefix().parentRoot(), h.prefix().number()))
            .isEqualTo(((LeafBlockBody) block.body()).ownSegments());
      }
    }
  }

  @Test
  void aForkThatReplacesAnArchivedBlockIsRefused(@TempDir Path dir) {
    try (ChainStorage storage = TestChain.open(dir)) {
      ShardArchiverTask task = ShardArchiverTask.open(storage, GENESIS, LEAF, null);
      List<Block> blocks = new ArrayList<>();
      extend(storage, task, 14, blocks); // archived through block 14 - depth = 10
      // A fork from block 8 (other payloads), stored but never best.
      BlockHeader tip = blocks.get(7).header();
      List<Block> fork = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Optional<OwnSegments> own = Optional.empty();
        Block block = chain.leaf(tip, own, 1000, 5000 + i);
        try (BlockWrite write = storage.beginWrite()) {
          write.putBlock(block.header(), block.body());
          write.commit();
        }
        fork.add(block);
        tip = block.header();
      }
      // Fork block 12 confirms block 8, which both chains share: answered from storage.
      BlockHeader forkEleven = fork.get(2).header();
      assertThat(forkEleven.prefix().number().value()).isEqualTo(11);
      assertThat(task.expectedOwnSegments(forkEleven.root(PARAMS), new BlockNumber(12)))
          .isEqualTo(((LeafBlockBody) blocks.get(11).body()).ownSegments());
      // Fork block 14 would confirm fork block 10, but block 10 of the best chain is archived.
      BlockHeader forkThirteen = fork.get(4).header();
      assertThatThrownBy(
              () -> task.expectedOwnSegments(forkThirteen.root(PARAMS), new BlockNumber(14)))
          .isInstanceOf(ConfirmedReorgException.class)
          .hasMessageContaining("block 10")
          .hasMessageContaining("re-orgs below the confirmation depth");
      Block forkFifteen = fork.get(5);
      byte[] state = storage.archiverState(LEAF).orElseThrow();
      try (BlockWrite write = storage.beginWrite()) {
        assertThatThrownBy(
                () -> task.archive(write, forkFifteen.header().root(PARAMS), forkFifteen.header()))
            .isInstanceOf(ConfirmedReorgException.class);
      }
      assertThat(storage.archiverState(LEAF)).contains(state);
      // The best chain still archives on.
      extendFrom(storage, task, blocks, 2);
      assertThat(ArchiverState.decode(storage.archiverState(LEAF).orElseThrow()).fedThrough())
          .isEqualTo(new BlockNumber(16 - DEPTH));
    }
  }

  @Test
  void theBeaconGenesisFillsSegmentZeroForBlockOne(@TempDir Path dir) {
    try (ChainStorage storage = TestChain.open(dir)) {
      ShardArchiverTask task = ShardArchiverTask.open(storage, GENESIS, ShardIndex.BEACON, null);
      Optional<OwnSegments> own =
          task.expectedOwnSegments(TestChain.genesisRoot(ShardIndex.BEACON), new BlockNumber(1));
      assertThat(own).isPresent();
      assertThat(own.get().firstLocalIndex()).isEqualTo(LocalSegmentIndex.ZERO);
      assertThat(own.get().segmentRoots()).hasSize(1);
      // The padded genesis is one segment long; as an item it needs 5 bytes more than a segment.
      SegmentHeader segmentZero;
      Block one =
          chain.beacon(
              GENESIS.beacon().header(),
              new dev.annals.primitives.block.BeaconBlockBody(own, List.of(), List.of()),
              Optional.empty());
      try (BlockWrite write = storage.beginWrite()) {
        Hash root = write.putBlock(one.header(), one.body());
        List<SegmentHeader> written = task.archive(write, root, one.header());
        write.commit();
        segmentZero = written.getFirst();
      }
      assertThat(segmentZero.root()).isEqualTo(own.get().segmentRoots().getFirst());
      assertThat(segmentZero.lastArchivedBlock().number()).isEqualTo(BlockNumber.ZERO);
      assertThat(segmentZero.lastArchivedBlock().archivedBytes())
          .isEqualTo(PARAMS.segmentSize() - 5);
      // Reopened, the archiver resumes inside the padded genesis (the partial block).
      ShardArchiverTask reopened =
          ShardArchiverTask.open(storage, GENESIS, ShardIndex.BEACON, null);
      assertThat(reopened.fedThrough()).isZero();
    }
  }

  @Test
  void aStateThatNamesAnUnknownBlockIsCorruption(@TempDir Path dir) {
    try (ChainStorage storage = TestChain.open(dir)) {
      try (BlockWrite write = storage.beginWrite()) {
        write.putArchiverState(
            LEAF, new ArchiverState(new BlockNumber(3), Hash.blake3(new byte[] {1}), 0).encode());
        write.commit();
      }
      assertThatThrownBy(() -> ShardArchiverTask.open(storage, GENESIS, LEAF, null))
          .isInstanceOf(DatabaseCorruptionException.class)
          .hasMessageContaining("not stored");
    }
  }

  @Test
  void theStepOfABlockIsTheBlockItMakesDepthDeep() {
    assertThat(ShardArchiverTask.archivedBy(0, 4)).isEqualTo(-1);
    assertThat(ShardArchiverTask.archivedBy(1, 4)).isZero();
    assertThat(ShardArchiverTask.archivedBy(4, 4)).isEqualTo(-1);
    assertThat(ShardArchiverTask.archivedBy(5, 4)).isEqualTo(1);
    assertThat(ShardArchiverTask.archivedBy(1, 1)).isZero();
    assertThat(ShardArchiverTask.archivedBy(2, 1)).isEqualTo(1);
  }

  /** Adds {@code count} leaf blocks on the stored best chain, as producer and importer would. */
  private void extend(ChainStorage storage, ShardArchiverTask task, int count, List<Block> blocks) {
    extendFrom(storage, task, blocks, count);
  }

  private void extendFrom(
      ChainStorage storage, ShardArchiverTask task, List<Block> blocks, int count) {
    for (int i = 0; i < count; i++) {
      BlockHeader parent = blocks.isEmpty() ? GENESIS.of(LEAF).header() : blocks.getLast().header();
      Hash parentRoot = parent.root(PARAMS);
      BlockNumber number = parent.prefix().number().next();
      Optional<OwnSegments> own = task.expectedOwnSegments(parentRoot, number);
      // Payloads vary so that blocks straddle segment boundaries at different offsets.
      Block block =
          chain.leaf(parent, own, 2000 + (int) (number.value() * 397 % 2500), number.value());
      // The importer asks again for its check: same answer.
      assertThat(task.expectedOwnSegments(parentRoot, number)).isEqualTo(own);
      TestChain.importBest(
          storage, block, (write, root) -> task.archive(write, root, block.header()));
      blocks.add(block);
    }
  }
}
