package dev.annals.farmer;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.solution.SolutionContext;
import dev.annals.consensus.solution.SolutionVerifier;
import dev.annals.consensus.solution.SolutionVerifyException;
import dev.annals.consensus.solution.SuperSegments;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.Optional;

/**
 * The consensus {@link SolutionVerifier} (what block import runs) over a {@link TestNode}'s super
 * segments: the verdict a node would give a farmer's solution in a block judged at a history size.
 */
final class RealVerifier {
  private static final SolutionVerifier VERIFIER = new SolutionVerifier(DevHistory.DEV);

  private RealVerifier() {}

  /** Empty if the solution is accepted, else the failed check. */
  static Optional<SolutionVerifyException.Check> verdict(
      ShardSolution offered, SlotNotification slot, HistorySize current, TestNode node) {
    return verdict(
        offered,
        slot,
        slot.solutionRanges().forShardKind(offered.shard().kind(), slot.numShards()),
        current,
        node);
  }

  /** The verdict when the block is judged by {@code range} (already scaled for its kind). */
  static Optional<SolutionVerifyException.Check> verdict(
      ShardSolution offered,
      SlotNotification slot,
      SolutionRange range,
      HistorySize current,
      TestNode node) {
    SuperSegments superSegments =
        new SuperSegments() {
          @Override
          public Optional<SuperSegmentHeader> byIndex(SuperSegmentIndex index) {
            return node.superSegmentHeader(index);
          }

          @Override
          public Optional<SuperSegmentHeader> containing(GlobalSegmentIndex segment) {
            return node.superSegmentHeaderContaining(segment);
          }
        };
    try {
      VERIFIER.verify(
          offered.solution(),
          new SolutionContext(
              offered.shard(), slot.slot(), slot.potOutput(), range, current, superSegments));
      return Optional.empty();
    } catch (SolutionVerifyException e) {
      return Optional.of(e.check());
    }
  }
}
