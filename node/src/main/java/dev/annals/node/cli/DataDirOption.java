package dev.annals.node.cli;

import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} of the tools that read a node's data directory, running or stopped. */
final class DataDirOption {
  @Option(
      names = "--data-dir",
      required = true,
      paramLabel = "<dir>",
      description = "The node's data directory.")
  Path dataDir;

  /**
   * The directory's storage, opened read-only: the tools work while a node runs on it. A missing
   * directory is a usage error named here rather than a RocksDB message.
   */
  ChainStorage openReadOnly() {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("--data-dir: no such directory (value " + dataDir + ")");
    }
    return ChainStorage.openReadOnly(dataDir, StorageConfig.DEFAULT);
  }
}
