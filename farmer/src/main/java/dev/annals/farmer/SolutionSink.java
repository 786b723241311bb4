package dev.annals.farmer;

/**
 * Receives solutions from the farmer, one call per qualifying shard, most senior shard first and,
 * within a slot, nearest solutions first. Called on the farmer's auditing thread.
 */
@FunctionalInterface
public interface SolutionSink {
  void accept(ShardSolution solution);
}
