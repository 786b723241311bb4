package dev.annals.node.devnet;

import dev.annals.primitives.ShardIndex;

/**
 * One shard in a devnet summary.
 *
 * @param headNumber the best block's number
 * @param blocksImported blocks this run imported into the shard (won by the embedded farmer)
 * @param segments segments archived in the shard, in all runs
 */
public record ShardSummary(ShardIndex shard, long headNumber, long blocksImported, long segments) {}
