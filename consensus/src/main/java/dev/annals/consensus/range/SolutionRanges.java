package dev.annals.consensus.range;

import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.block.ConsensusParameters;

/**
 * The global solution ranges blocks built "after" one beacon block B are judged by
 * (docs/block-rules.md "What a solution is judged by"): the next beacon block, built on B, by its
 * own range, which is B's pending {@code next_solution_range} when B carries one (a retarget) and
 * B's range otherwise; an intermediate or leaf block naming B by B's own range. The two differ only
 * right after a retarget block. Block verification takes both from here, so a farmer announced
 * these ranges audits with exactly the verifier's.
 *
 * @param beacon the global range of the beacon block built on B
 * @param child the global range of intermediate and leaf blocks naming B, before scaling
 */
public record SolutionRanges(SolutionRange beacon, SolutionRange child) {
  public SolutionRanges {
    if (beacon == null || child == null) {
      throw new IllegalArgumentException("solution ranges: both must be set (value null)");
    }
  }

  /** The ranges after the beacon block whose consensus parameters are {@code best}. */
  public static SolutionRanges after(ConsensusParameters best) {
    SolutionRange own = new SolutionRange(best.solutionRange());
    SolutionRange next =
        best.nextSolutionRange().isPresent()
            ? new SolutionRange(best.nextSolutionRange().getAsLong())
            : own;
    return new SolutionRanges(next, own);
  }

  /** One global range for every kind (no retarget pending). */
  public static SolutionRanges uniform(SolutionRange range) {
    return new SolutionRanges(range, range);
  }

  /** The range a block of {@code kind} is judged by, scaled for its kind. */
  public SolutionRange forShardKind(ShardKind kind, NumShards numShards) {
    return kind == ShardKind.BEACON ? beacon : child.forShardKind(kind, numShards);
  }
}
