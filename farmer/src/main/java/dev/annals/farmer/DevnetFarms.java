package dev.annals.farmer;

import dev.annals.primitives.params.ProtocolParameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The farms of a devnet: devnet identities {@code 0..n−1} ({@link FarmerIdentity#devnet}), each
 * with the same number of sectors, in memory or in {@code <directory>/farm-<i>} so a restarted
 * devnet re-uses its plots.
 */
public final class DevnetFarms {
  private DevnetFarms() {}

  /**
   * @param directory where the farms live, or null for memory
   */
  public static List<Farm> create(
      ProtocolParameters params,
      NodeView node,
      int identities,
      int sectorsPerIdentity,
      Path directory,
      int plottingThreads,
      Consumer<FarmEvent> events)
      throws IOException {
    if (identities < 1) {
      throw new IllegalArgumentException(
          "devnet identities: must be at least 1 (value " + identities + ")");
    }
    List<Farm> farms = new ArrayList<>(identities);
    for (int i = 0; i < identities; i++) {
      FarmerIdentity identity = FarmerIdentity.devnet(i, params);
      SectorStore store =
          directory == null
              ? new MemorySectorStore()
              : DirectorySectorStore.open(
                  directory.resolve("farm-" + i), params, identity.publicKeyHash());
      farms.add(
          new Farm(params, identity, store, sectorsPerIdentity, node, plottingThreads, events));
    }
    return farms;
  }
}
