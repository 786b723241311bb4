package dev.annals.node.storage;

import static dev.annals.node.storage.StorageFixtures.LEAF;
import static dev.annals.node.storage.StorageFixtures.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BlockHeader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionAtomicityTest {
  @TempDir Path dir;

  @Test
  void nothingIsVisibleBeforeCommitAndAnUncommittedWriteLeavesNothing() {
    BlockHeader header = StorageFixtures.header(LEAF, 1, hash(0));
    Hash root = header.root(StorageFixtures.PARAMS);
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      try (BlockWrite write = storage.beginWrite()) {
        write.putBlock(header, StorageFixtures.body(LEAF, 1));
        write.setBestChain(LEAF, new ChainHead(new BlockNumber(1), root));
        write.putSegmentHeader(LEAF, StorageFixtures.segmentHeader(0, Hash.ZERO));
        assertThat(write.transaction().size()).isEqualTo(5);
        assertThat(storage.header(root)).isEmpty();
        assertThat(storage.bestChain(LEAF)).isEmpty();
        // closed without commit
      }
      assertThat(storage.header(root)).isEmpty();
      assertThat(storage.body(root)).isEmpty();
      assertThat(storage.blockRoots(LEAF, new BlockNumber(1))).isEmpty();
      assertThat(storage.bestChain(LEAF)).isEmpty();
      assertThat(storage.segmentCount(LEAF)).isZero();
    }
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      assertThat(storage.header(root)).isEmpty();
      assertThat(storage.bestChain(LEAF)).isEmpty();
    }
  }

  @Test
  void aTransactionCommitsOnceAndRefusesUseAfterwards() {
    try (ChainStorage storage = StorageFixtures.open(dir)) {
      BlockWrite write = storage.beginWrite();
      write.setBestChain(LEAF, new ChainHead(new BlockNumber(1), hash(1)));
      write.commit();
      assertThat(write.transaction().isCommitted()).isTrue();
      assertThatThrownBy(write::commit)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already committed");
      assertThatThrownBy(() -> write.setBestChain(LEAF, new ChainHead(BlockNumber.ZERO, hash(2))))
          .isInstanceOf(IllegalStateException.class);
      write.close();
      write.close();
      assertThatThrownBy(() -> write.putArchiverState(LEAF, new byte[1]))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThat(storage.bestChain(LEAF)).contains(new ChainHead(new BlockNumber(1), hash(1)));
    }
  }

  @Test
  void closingTheDatabaseMidTransactionWritesNothingOfIt() {
    ChainStorage storage = StorageFixtures.open(dir);
    try (BlockWrite committed = storage.beginWrite()) {
      committed.setBestChain(LEAF, new ChainHead(new BlockNumber(1), hash(1)));
      committed.commit();
    }
    BlockWrite pending = storage.beginWrite();
    pending.setBestChain(LEAF, new ChainHead(new BlockNumber(2), hash(2)));
    pending.putSegmentPieces(LEAF, LocalSegmentIndex.ZERO, StorageFixtures.segmentPieces(LEAF, 0));
    storage.close();
    assertThatThrownBy(pending::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
    pending.close();
    try (ChainStorage reopened = StorageFixtures.open(dir)) {
      assertThat(reopened.bestChain(LEAF)).contains(new ChainHead(new BlockNumber(1), hash(1)));
      assertThat(reopened.piece(LEAF, LocalSegmentIndex.ZERO, new PiecePosition(0))).isEmpty();
    }
  }

  /**
   * A child JVM commits one batch per block (block, index, best chain, archiver state) and is
   * killed with SIGKILL mid-stream. On reopen every block up to the stored head is complete, the
   * archiver state agrees with the head, and nothing of a later block exists.
   */
  @Test
  void aKilledWriterLeavesOnlyWholeBatches() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    long lastReported = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          lastReported = Long.parseLong(line.substring("committed ".length()));
          if (lastReported >= 200) {
            break;
          }
        }
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lastReported)
        .as("child committed blocks before the kill")
        .isGreaterThanOrEqualTo(200);

    try (ChainStorage storage = StorageFixtures.open(dir)) {
      ChainHead head = storage.bestChain(LEAF).orElseThrow();
      long h = head.number().value();
      assertThat(h).isGreaterThanOrEqualTo(lastReported);
      assertThat(storage.archiverState(LEAF))
          .hasValueSatisfying(s -> assertThat(CrashingWriter.stateNumber(s)).isEqualTo(h));
      Hash parent = Hash.ZERO;
      for (long n = 0; n <= h; n++) {
        BlockHeader expected = CrashingWriter.block(n, parent);
        Hash root = expected.root(StorageFixtures.PARAMS);
        assertThat(storage.header(root)).as("header %d", n).contains(expected);
        assertThat(storage.body(root)).as("body %d", n).isPresent();
        assertThat(storage.blockRoots(LEAF, new BlockNumber(n))).containsExactly(root);
        parent = root;
      }
      assertThat(head.root()).isEqualTo(parent);
      assertThat(storage.blockRoots(LEAF, new BlockNumber(h + 1))).isEmpty();
      assertThat(storage.hasBlock(CrashingWriter.block(h + 1, parent).root(StorageFixtures.PARAMS)))
          .isFalse();
      assertThat(storage.blockRoots(ShardIndex.BEACON, BlockNumber.ZERO)).isEmpty();
    }
  }
}
