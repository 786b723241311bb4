package dev.annals.blockproducer.rules;

import dev.annals.consensus.seal.SealingKey;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.solution.Solution;
import java.util.List;
import java.util.Optional;

/**
 * Every input of one block, filled with valid values by {@link ShardChainFixture}; a test changes
 * one field to break one rule. A null state root means "the correct one for the body".
 */
final class BlockSpec {
  BlockNumber number;
  ShardIndex shard;
  long timestampMillis;
  Hash parentRoot;
  Hash mmrRoot;
  Hash parentStateRoot;
  Hash stateRoot;
  Slot slot;
  Bytes proofOfTime;
  Bytes futureProofOfTime;
  Solution solution;
  SealingKey sealingKey;
  // Beacon.
  ConsensusParameters consensusParameters;
  List<PotCheckpoints> checkpoints = List.of();
  List<IntermediateBlockInfo> intermediateBlocks = List.of();
  // Intermediate and leaf.
  BeaconChainInfo beaconChainInfo;
  List<LeafBlockInfo> leafBlocks = List.of();
  List<Bytes> transactions = List.of();
  Optional<OwnSegments> ownSegments = Optional.empty();
}
