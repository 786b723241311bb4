package dev.annals.consensus.block;

import dev.annals.consensus.pot.EntropyInjection;
import dev.annals.consensus.pot.EntropyInjection.MissingSourceBlockException;
import dev.annals.consensus.pot.PotInfo;
import dev.annals.consensus.pot.PotSeeds;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The consensus parameters a beacon block must carry, derived from its parent (Abundance's {@code
 * derive_consensus_parameters}): the parent's pending next solution range becomes the current one;
 * otherwise block {@code N}, a multiple of the retarget interval past the first interval, retargets
 * from the slots spanned since block {@code N − interval}; slot iterations and the proof-of-time
 * change follow {@link EntropyInjection}; the number of shards is the parent's. The super segment
 * root is whatever the caller derived for this block.
 */
public final class BeaconConsensusParameters {
  /** Beacon headers on the chain being extended, by number. */
  @FunctionalInterface
  public interface Ancestors {
    Optional<BlockHeader> at(BlockNumber number);
  }

  private BeaconConsensusParameters() {}

  public static ConsensusParameters derive(
      ProtocolParameters params,
      BeaconBlockHeader parent,
      BlockNumber number,
      Slot slot,
      Optional<Hash> superSegmentRoot,
      Ancestors ancestors)
      throws MissingDependencyException {
    ConsensusParameters p = parent.consensusParameters();
    // The parent's pending next range, if any, becomes this block's (SolutionRanges.after).
    long current = SolutionRanges.after(p).beacon().value();
    OptionalLong next = OptionalLong.empty();
    if (p.nextSolutionRange().isEmpty()) {
      long interval = params.retargetInterval();
      long n = number.value();
      if (Long.remainderUnsigned(n, interval) == 0 && Long.compareUnsigned(n, interval) > 0) {
        Slot start = ancestor(ancestors, new BlockNumber(n - interval)).consensusInfo().slot();
        long spanned =
            Long.compareUnsigned(slot.value(), start.value()) <= 0
                ? 0
                : slot.value() - start.value();
        next = OptionalLong.of(new SolutionRange(current).next(spanned, params).value());
      }
    }
    PotInfo pot;
    try {
      pot =
          EntropyInjection.derive(
              params,
              parent.consensusInfo().slot(),
              p.slotIterations(),
              p.potParametersChange().orElse(null),
              number,
              slot,
              source ->
                  ancestors
                      .at(source)
                      .map(BlockHeader::consensusInfo)
                      .map(BeaconConsensusParameters::injectionEntropy)
                      .orElse(null));
    } catch (MissingSourceBlockException e) {
      throw new MissingDependencyException(BlockRule.ANCESTOR_UNKNOWN, e.getMessage());
    }
    return new ConsensusParameters(
        current,
        pot.slotIterations(),
        p.numShards(),
        superSegmentRoot,
        next,
        Optional.ofNullable(pot.parametersChange()));
  }

  private static Hash injectionEntropy(ConsensusInfo info) {
    return PotSeeds.injectionEntropy(info.solution().chunk(), info.proofOfTime());
  }

  private static BlockHeader ancestor(Ancestors ancestors, BlockNumber number)
      throws MissingDependencyException {
    Optional<BlockHeader> header = ancestors.at(number);
    if (header.isEmpty()) {
      throw new MissingDependencyException(
          BlockRule.ANCESTOR_UNKNOWN, "beacon ancestor #" + number + " (retarget interval start)");
    }
    return header.get();
  }
}
