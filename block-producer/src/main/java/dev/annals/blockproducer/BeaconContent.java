package dev.annals.blockproducer;

import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.PotCheckpoints;
import java.util.List;

/** What only a beacon block carries, chosen by the node for the claim at hand. */
public interface BeaconContent {
  /**
   * Intermediate blocks not yet included on the beacon tip's chain, in inclusion order (child shard
   * ascending, then number), each with the segment roots it reports.
   */
  List<IntermediateBlockInfo> intermediateBlocksForNextBlock();

  /** The consensus parameters derived for a beacon block in the claim's slot. */
  ConsensusParameters consensusParametersForNextBlock(SlotClaim claim);

  /** Proof-of-time checkpoints from the tip's future slot to the claim's future slot. */
  List<PotCheckpoints> checkpointsForNextBlock(SlotClaim claim);
}
