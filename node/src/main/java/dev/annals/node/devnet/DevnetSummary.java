package dev.annals.node.devnet;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of a running devnet, for the live summary and for tests.
 *
 * @param slot the newest proof-of-time slot announced
 * @param shards every shard, beacon first
 * @param superSegments super segments landed
 * @param globalPieces pieces in the global history (landed segments × pieces per segment)
 * @param leafShardsByIdentity which leaf shards each identity's sectors farm now
 * @param rejected blocks this run produced that import rejected or refused
 * @param replots expired sectors the farmer replotted in this run
 * @param leafToSuperSegmentMillis for the leaf segments landed this run: mean milliseconds from
 *     their archiving (the confirmation of the block that completed them) to the beacon block that
 *     landed them in a super segment; -1 before the first
 */
public record DevnetSummary(
    long slot,
    List<ShardSummary> shards,
    long superSegments,
    long globalPieces,
    Map<Hash, Set<ShardIndex>> leafShardsByIdentity,
    long rejected,
    long replots,
    double leafToSuperSegmentMillis,
    long leafSegmentsLanded) {}
