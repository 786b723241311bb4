package dev.annals.farmer;

import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.solution.Solution;

/**
 * A solution offered for a block of {@code shard} in {@code slot}.
 *
 * @param distance the solution distance (u64, compare unsigned)
 */
public record ShardSolution(Slot slot, ShardIndex shard, Solution solution, long distance) {}
