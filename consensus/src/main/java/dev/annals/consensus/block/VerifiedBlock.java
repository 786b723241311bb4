package dev.annals.consensus.block;

import dev.annals.consensus.range.BlockWeight;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.primitives.Hash;

/**
 * A block that passed every rule: its root, the solution range it was judged by (scaled for its
 * shard kind) and its fork-choice weight ({@code u64::MAX − that range}, SHARD-CHAINS §9).
 */
public record VerifiedBlock(Hash root, SolutionRange solutionRange, BlockWeight weight) {}
