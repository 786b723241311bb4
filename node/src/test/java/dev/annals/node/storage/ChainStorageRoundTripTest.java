package dev.annals.node.storage;

import static dev.annals.node.storage.StorageFixtures.INTERMEDIATE;
import static dev.annals.node.storage.StorageFixtures.LEAF;
import static dev.annals.node.storage.StorageFixtures.PARAMS;
import static dev.annals.node.storage.StorageFixtures.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainStorageRoundTripTest {
  @TempDir Path dir;

  @Test
  void blocksOfEveryKindRoundTripAndSurviveReopen() {
    List<ShardIndex> shards = List.of(ShardIndex.BEACON, INTERMEDIATE, LEAF);
    List<Hash> roots = new ArrayList<>();
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      for (ShardIndex shard : shards) {
        BlockHeader header = StorageFixtures.header(shard, 5, hash(99));
        BlockBody body = StorageFixtures.body(shard, 5);
        try (BlockWrite write = storage.beginWrite()) {
          roots.add(write.putBlock(header, body));
          write.commit();
        }
      }
      checkBlocks(storage, shards, roots);
    }
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      checkBlocks(storage, shards, roots);
    }
  }

  private static void checkBlocks(ChainStorage storage, List<ShardIndex> shards, List<Hash> roots) {
    for (int i = 0; i < shards.size(); i++) {
      ShardIndex shard = shards.get(i);
      Hash root = roots.get(i);
      BlockHeader expected = StorageFixtures.header(shard, 5, hash(99));
      assertThat(root).isEqualTo(expected.root(PARAMS));
      assertThat(storage.header(root)).contains(expected);
      assertThat(storage.body(root)).contains(StorageFixtures.body(shard, 5));
      assertThat(storage.blockRoots(shard, new BlockNumber(5))).containsExactly(root);
      assertThat(storage.blockRoots(shard, new BlockNumber(4))).isEmpty();
      assertThat(storage.hasBlock(root)).isTrue();
    }
    assertThat(storage.header(hash(12345))).isEmpty();
    assertThat(storage.hasBlock(hash(12345))).isFalse();
  }

  @Test
  void blockIndexListsForksAtOneHeightInRootOrder() {
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      List<Hash> roots = new ArrayList<>();
      for (int parent = 0; parent < 3; parent++) {
        try (BlockWrite write = storage.beginWrite()) {
          roots.add(
              write.putBlock(
                  StorageFixtures.header(LEAF, 7, hash(parent)), StorageFixtures.body(LEAF, 7)));
          write.commit();
        }
      }
      // Another shard and the neighbouring heights must not show up in the scan.
      try (BlockWrite write = storage.beginWrite()) {
        write.putBlock(StorageFixtures.header(LEAF, 8, hash(0)), StorageFixtures.body(LEAF, 8));
        write.putBlock(StorageFixtures.header(LEAF, 6, hash(0)), StorageFixtures.body(LEAF, 6));
        write.putBlock(
            StorageFixtures.header(INTERMEDIATE, 7, hash(0)),
            StorageFixtures.body(INTERMEDIATE, 7));
        write.commit();
      }
      assertThat(storage.blockRoots(LEAF, new BlockNumber(7)))
          .containsExactlyElementsOf(roots.stream().sorted().toList());
    }
  }

  @Test
  void bestChainPerShardIsReplacedNotAccumulated() {
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      try (BlockWrite write = storage.beginWrite()) {
        write.setBestChain(LEAF, new ChainHead(new BlockNumber(3), hash(3)));
        write.setBestChain(ShardIndex.BEACON, new ChainHead(new BlockNumber(9), hash(9)));
        write.commit();
      }
      try (BlockWrite write = storage.beginWrite()) {
        write.setBestChain(LEAF, new ChainHead(new BlockNumber(4), hash(4)));
        write.commit();
      }
      assertThat(storage.bestChain(LEAF)).contains(new ChainHead(new BlockNumber(4), hash(4)));
      assertThat(storage.bestChain(ShardIndex.BEACON))
          .contains(new ChainHead(new BlockNumber(9), hash(9)));
      assertThat(storage.bestChain(INTERMEDIATE)).isEmpty();
    }
  }

  @Test
  void segmentHeadersPerShardInIndexOrder() {
    List<SegmentHeader> leafHeaders = new ArrayList<>();
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      Hash previous = Hash.ZERO;
      // 300 crosses a byte boundary: big-endian keys must keep numeric order.
      for (long i = 0; i < 300; i++) {
        SegmentHeader header = StorageFixtures.segmentHeader(i, previous);
        leafHeaders.add(header);
        previous = header.hash();
      }
      try (BlockWrite write = storage.beginWrite()) {
        for (SegmentHeader h : leafHeaders) {
          write.putSegmentHeader(LEAF, h);
        }
        write.putSegmentHeader(INTERMEDIATE, StorageFixtures.segmentHeader(0, Hash.ZERO));
        write.commit();
      }
    }
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      assertThat(storage.segmentCount(LEAF)).isEqualTo(300);
      assertThat(storage.segmentCount(INTERMEDIATE)).isEqualTo(1);
      assertThat(storage.segmentCount(ShardIndex.BEACON)).isZero();
      assertThat(storage.lastSegmentHeader(LEAF)).contains(leafHeaders.get(299));
      assertThat(storage.lastSegmentHeader(INTERMEDIATE))
          .contains(StorageFixtures.segmentHeader(0, Hash.ZERO));
      assertThat(storage.lastSegmentHeader(ShardIndex.BEACON)).isEmpty();
      assertThat(storage.segmentHeader(LEAF, new LocalSegmentIndex(255)))
          .contains(leafHeaders.get(255));
      assertThat(storage.segmentHeaders(LEAF, new LocalSegmentIndex(250), 10))
          .containsExactlyElementsOf(leafHeaders.subList(250, 260));
      assertThat(storage.segmentHeaders(LEAF, new LocalSegmentIndex(295), 10))
          .containsExactlyElementsOf(leafHeaders.subList(295, 300));
    }
  }

  @Test
  void superSegmentHeadersInOrderWithLast() {
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      assertThat(storage.lastSuperSegmentHeader()).isEmpty();
      try (BlockWrite write = storage.beginWrite()) {
        for (long i = 0; i < 260; i++) {
          write.putSuperSegmentHeader(StorageFixtures.superSegmentHeader(i));
        }
        write.commit();
      }
      assertThat(storage.lastSuperSegmentHeader())
          .contains(StorageFixtures.superSegmentHeader(259));
      assertThat(storage.superSegmentHeader(new SuperSegmentIndex(17)))
          .contains(StorageFixtures.superSegmentHeader(17));
      List<SuperSegmentHeader> range = storage.superSegmentHeaders(new SuperSegmentIndex(254), 3);
      assertThat(range.stream().map(h -> h.index().value()).toList())
          .containsExactly(254L, 255L, 256L);
    }
  }

  @Test
  void pieceIsFoundByShardPositionBeforeLandingAndByGlobalIndexAfter() {
    long local = 2;
    GlobalSegmentIndex global = new GlobalSegmentIndex(11);
    List<Piece> pieces = StorageFixtures.segmentPieces(LEAF, local);
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      try (BlockWrite write = storage.beginWrite()) {
        write.putSegmentPieces(LEAF, new LocalSegmentIndex(local), pieces);
        write.commit();
      }
      PiecePosition position = new PiecePosition(5);
      assertThat(storage.piece(LEAF, new LocalSegmentIndex(local), position))
          .contains(pieces.get(5));
      PieceIndex globalPiece = PARAMS.pieceIndex(global, position);
      assertThat(storage.piece(globalPiece)).as("not landed yet").isEmpty();
      assertThat(storage.globalIndex(LEAF, new LocalSegmentIndex(local))).isEmpty();

      List<Hash> proof = new ArrayList<>(StorageFixtures.hashes(900, 3));
      while (proof.size() < PARAMS.segmentProofHashes()) {
        proof.add(Hash.ZERO);
      }
      SegmentLanding landing =
          new SegmentLanding(
              LEAF,
              new LocalSegmentIndex(local),
              new SuperSegmentIndex(4),
              new SegmentPosition(6),
              proof);
      try (BlockWrite write = storage.beginWrite()) {
        write.landSegment(global, landing);
        write.commit();
      }
      assertThat(storage.landing(global)).contains(landing);
      assertThat(storage.globalIndex(LEAF, new LocalSegmentIndex(local))).contains(global);
      assertThat(storage.globalIndex(LEAF, new LocalSegmentIndex(local + 1))).isEmpty();
      Piece landed = storage.piece(globalPiece).orElseThrow();
      Piece stored = pieces.get(5);
      assertThat(landed.record()).isEqualTo(stored.record());
      assertThat(landed.header().superSegmentIndex()).isEqualTo(new SuperSegmentIndex(4));
      assertThat(landed.header().segmentPosition()).isEqualTo(new SegmentPosition(6));
      assertThat(landed.header().segmentProof()).isEqualTo(proof);
      assertThat(landed.header().segmentRoot()).isEqualTo(stored.header().segmentRoot());
      assertThat(landed.header().recordProof()).isEqualTo(stored.header().recordProof());
      assertThat(landed.header().parityChunksRoot()).isEqualTo(stored.header().parityChunksRoot());
      // The last piece of the segment maps to the last position of the global segment.
      PiecePosition lastPosition = new PiecePosition(PARAMS.piecesPerSegment() - 1);
      assertThat(storage.piece(PARAMS.pieceIndex(global, lastPosition)).orElseThrow().record())
          .isEqualTo(pieces.get(PARAMS.piecesPerSegment() - 1).record());
    }
  }

  @Test
  void archiverStateIsOpaqueAndPerShard() {
    byte[] state = {0, 1, 2, (byte) 0xFF};
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      try (BlockWrite write = storage.beginWrite()) {
        write.putArchiverState(LEAF, state);
        write.putArchiverState(ShardIndex.BEACON, new byte[0]);
        write.commit();
      }
    }
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      assertThat(storage.archiverState(LEAF))
          .hasValueSatisfying(v -> assertThat(v).isEqualTo(state));
      assertThat(storage.archiverState(ShardIndex.BEACON))
          .hasValueSatisfying(v -> assertThat(v).isEmpty());
      assertThat(storage.archiverState(INTERMEDIATE)).isEmpty();
    }
  }

  @Test
  void writesThatWouldMakeKeysAndValuesDisagreeAreRefused() {
    try (ChainStorage storage = StorageFixtures.open(dir);
        BlockWrite write = storage.beginWrite()) {
      assertThatThrownBy(
              () ->
                  write.putBlock(
                      StorageFixtures.header(LEAF, 1, hash(0)),
                      StorageFixtures.body(INTERMEDIATE, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "block body: kind must match the header's LEAF (value INTERMEDIATE)");
      List<Piece> wrongShard = StorageFixtures.segmentPieces(INTERMEDIATE, 0);
      assertThatThrownBy(() -> write.putSegmentPieces(LEAF, LocalSegmentIndex.ZERO, wrongShard))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("piece 0 must belong to shard " + LEAF);
      assertThatThrownBy(
              () ->
                  write.landSegment(
                      GlobalSegmentIndex.ZERO,
                      new SegmentLanding(
                          LEAF,
                          LocalSegmentIndex.ZERO,
                          SuperSegmentIndex.ZERO,
                          SegmentPosition.ZERO,
                          List.of(hash(1)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("segment_landing.segment_proof: must have 20 hashes");
      assertThat(write.transaction().size()).isZero();
    }
  }
}
