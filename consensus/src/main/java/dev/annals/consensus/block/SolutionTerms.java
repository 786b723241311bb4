package dev.annals.consensus.block;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.primitives.Hash;
import dev.annals.primitives.NumShards;

/**
 * What a block's solution is judged by (docs/block-rules.md): the global (beacon) solution range
 * and shard counts, the shard membership entropy, and the beacon block whose history size bounds
 * the solution's.
 */
record SolutionTerms(
    SolutionRange globalRange,
    NumShards numShards,
    MembershipEntropy entropy,
    Hash historyBeaconRoot) {}
