package dev.annals.consensus.solution;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;

/**
 * What a solution is judged against in one block.
 *
 * @param blockShard the shard of the block the solution seals
 * @param slot the block's slot
 * @param proofOfTime the proof-of-time output of that slot (the global challenge's input)
 * @param solutionRange the range for the block's shard kind (already scaled, {@code
 *     SolutionRange.forShardKind})
 * @param currentHistorySize the history size archived as of the beacon block the block is judged
 *     at; a solution may not commit to a larger one
 * @param superSegments the super segment headers known to the node
 */
public record SolutionContext(
    ShardIndex blockShard,
    Slot slot,
    Bytes proofOfTime,
    SolutionRange solutionRange,
    HistorySize currentHistorySize,
    SuperSegments superSegments) {
  public SolutionContext {
    if (blockShard == null
        || slot == null
        || proofOfTime == null
        || solutionRange == null
        || currentHistorySize == null
        || superSegments == null) {
      throw new IllegalArgumentException("solution context: every field must be set (value null)");
    }
  }
}
