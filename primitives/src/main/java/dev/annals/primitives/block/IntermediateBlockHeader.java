package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.List;

/**
 * Intermediate shard header: prefix, result, consensus info, beacon chain info, child (leaf) block
 * roots, seal. Block root parts in order: prefix, result, consensus info, seal, beacon chain info,
 * child block roots.
 */
public record IntermediateBlockHeader(
    BlockHeaderPrefix prefix,
    BlockHeaderResult result,
    ConsensusInfo consensusInfo,
    BeaconChainInfo beaconChainInfo,
    ChildBlockRoots childShardBlocks,
    Seal seal)
    implements BlockHeader {

  public IntermediateBlockHeader {
    HeaderChecks.check(ShardKind.INTERMEDIATE, prefix, result, consensusInfo, seal);
    if (beaconChainInfo == null || childShardBlocks == null) {
      throw new IllegalArgumentException(
          "intermediate header: every field must be set (value null)");
    }
  }

  @Override
  public IntermediateBlockHeader withSeal(Seal seal) {
    return new IntermediateBlockHeader(
        prefix, result, consensusInfo, beaconChainInfo, childShardBlocks, seal);
  }

  @Override
  public ShardKind kind() {
    return ShardKind.INTERMEDIATE;
  }

  @Override
  public void encodePreSealTo(ByteWriter w, ProtocolParameters params) {
    prefix.encodeTo(w);
    result.encodeTo(w);
    consensusInfo.encodeTo(w, params);
    beaconChainInfo.encodeTo(w);
    childShardBlocks.encodeTo(w);
  }

  @Override
  public Hash root(ProtocolParameters params) {
    return MerkleRoots.unbalancedRootOrZero(
        List.of(
            prefix.hash(),
            result.hash(),
            consensusInfo.hash(params),
            seal.hash(),
            beaconChainInfo.hash(),
            childShardBlocks.root()));
  }
}
