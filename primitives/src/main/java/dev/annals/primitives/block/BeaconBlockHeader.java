package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.List;

/**
 * Beacon chain header: prefix, result, consensus info, child (intermediate) block roots, consensus
 * parameters, seal. Block root parts in order: prefix, result, consensus info, seal, child block
 * roots, consensus parameters.
 */
public record BeaconBlockHeader(
    BlockHeaderPrefix prefix,
    BlockHeaderResult result,
    ConsensusInfo consensusInfo,
    ChildBlockRoots childShardBlocks,
    ConsensusParameters consensusParameters,
    Seal seal)
    implements BlockHeader {

  public BeaconBlockHeader {
    HeaderChecks.check(ShardKind.BEACON, prefix, result, consensusInfo, seal);
    if (childShardBlocks == null || consensusParameters == null) {
      throw new IllegalArgumentException("beacon header: every field must be set (value null)");
    }
  }

  @Override
  public BeaconBlockHeader withSeal(Seal seal) {
    return new BeaconBlockHeader(
        prefix, result, consensusInfo, childShardBlocks, consensusParameters, seal);
  }

  @Override
  public ShardKind kind() {
    return ShardKind.BEACON;
  }

  @Override
  public void encodePreSealTo(ByteWriter w, ProtocolParameters params) {
    prefix.encodeTo(w);
    result.encodeTo(w);
    consensusInfo.encodeTo(w, params);
    childShardBlocks.encodeTo(w);
    consensusParameters.encodeTo(w);
  }

  @Override
  public Hash root(ProtocolParameters params) {
    return MerkleRoots.unbalancedRootOrZero(
        List.of(
            prefix.hash(),
            result.hash(),
            consensusInfo.hash(params),
            seal.hash(),
            childShardBlocks.root(),
            consensusParameters.hash()));
  }
}
