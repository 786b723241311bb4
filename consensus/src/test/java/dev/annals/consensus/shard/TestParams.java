package dev.annals.consensus.shard;

import dev.annals.primitives.params.ProtocolParameters;

/** Presets with a different commitment tree size, so tests can build many small trees. */
final class TestParams {
  private TestParams() {}

  static ProtocolParameters withLeavesLog2(ProtocolParameters p, int leavesLog2) {
    return p.toBuilder().shardCommitmentLeavesLog2(leavesLog2).build();
  }
}
