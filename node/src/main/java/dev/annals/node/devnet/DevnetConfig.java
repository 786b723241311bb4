package dev.annals.node.devnet;

import dev.annals.genesis.ChainSpec;
import dev.annals.node.storage.StorageConfig;
import java.nio.file.Path;

/**
 * What a devnet runs: the chain spec, the data directory, the embedded farmer's identities and
 * sectors, and the transaction load put into every leaf shard's pool each slot (opaque payload that
 * fills leaf segments, so archiving is exercised at a useful pace).
 *
 * @param txBytesPerSlot payload bytes submitted to each leaf shard per slot (0: none)
 */
public record DevnetConfig(
    ChainSpec spec,
    Path dataDir,
    int identities,
    int sectorsPerIdentity,
    int txBytesPerSlot,
    StorageConfig storage) {
  public static final int DEFAULT_IDENTITIES = 4;
  public static final int DEFAULT_SECTORS_PER_IDENTITY = 6;
  public static final int DEFAULT_TX_BYTES_PER_SLOT = 2048;

  public DevnetConfig {
    if (spec == null || dataDir == null || storage == null) {
      throw new IllegalArgumentException("devnet config: every field must be set (value null)");
    }
    if (identities < 1 || identities > 64) {
      throw new IllegalArgumentException(
          "identities: must be in 1..=64 (value " + identities + ")");
    }
    if (sectorsPerIdentity < 1 || sectorsPerIdentity > 64) {
      throw new IllegalArgumentException(
          "sectors per identity: must be in 1..=64 (value " + sectorsPerIdentity + ")");
    }
    if (txBytesPerSlot < 0 || txBytesPerSlot > 1 << 20) {
      throw new IllegalArgumentException(
          "tx bytes per slot: must be in 0..=1048576 (value " + txBytesPerSlot + ")");
    }
  }

  public static DevnetConfig defaults(ChainSpec spec, Path dataDir) {
    return new DevnetConfig(
        spec,
        dataDir,
        DEFAULT_IDENTITIES,
        DEFAULT_SECTORS_PER_IDENTITY,
        DEFAULT_TX_BYTES_PER_SLOT,
        StorageConfig.DEFAULT);
  }
}
