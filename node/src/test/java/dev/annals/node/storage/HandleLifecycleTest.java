package dev.annals.node.storage;

import static dev.annals.node.storage.StorageFixtures.LEAF;
import static dev.annals.node.storage.StorageFixtures.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.BlockNumber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandleLifecycleTest {
  @TempDir Path dir;

  private static long openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void openingAndClosingManyTimesLeaksNoFilesOrThreads() throws IOException {
    // Warm up: the first open loads the native library and starts RocksDB's shared threads.
    try (ChainStorage storage = StorageFixtures.open(dir);
        BlockWrite write = storage.beginWrite()) {
      write.setBestChain(LEAF, new ChainHead(BlockNumber.ZERO, hash(0)));
      write.commit();
    }
    long fdsBefore = openFileDescriptors();
    int threadsBefore = Thread.activeCount();
    for (int i = 1; i <= 60; i++) {
      try (ChainStorage storage = StorageFixtures.open(dir);
          BlockWrite write = storage.beginWrite()) {
        assertThat(storage.bestChain(LEAF).orElseThrow().number().value()).isEqualTo(i - 1);
        write.setBestChain(LEAF, new ChainHead(new BlockNumber(i), hash(i)));
        write.commit();
      }
    }
    assertThat(openFileDescriptors()).isLessThanOrEqualTo(fdsBefore + 2);
    assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 1);
  }

  @Test
  void closeIsIdempotentAndUseAfterCloseFails() {
    ChainStorage storage = StorageFixtures.open(dir);
    storage.close();
    storage.close();
    assertThat(storage.database().isClosed()).isTrue();
    assertThatThrownBy(() -> storage.bestChain(LEAF))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
    assertThatThrownBy(storage::beginWrite).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> storage.segmentCount(LEAF)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSecondOpenOfTheSameDirectoryIsRefusedWhileTheFirstIsOpen() {
    try (ChainStorage first = StorageFixtures.open(dir)) {
      assertThatThrownBy(() -> StorageFixtures.open(dir))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("in use");
      assertThat(first.bestChain(LEAF)).isEmpty();
    }
    StorageFixtures.open(dir).close();
  }
}
