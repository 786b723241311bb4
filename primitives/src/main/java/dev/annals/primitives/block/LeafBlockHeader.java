package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.List;

/**
 * Leaf shard header: prefix, result, consensus info, beacon chain info, seal. Block root parts in
 * order: prefix, result, consensus info, seal, beacon chain info.
 */
public record LeafBlockHeader(
    BlockHeaderPrefix prefix,
    BlockHeaderResult result,
    ConsensusInfo consensusInfo,
    BeaconChainInfo beaconChainInfo,
    Seal seal)
    implements BlockHeader {

  public LeafBlockHeader {
    HeaderChecks.check(ShardKind.LEAF, prefix, result, consensusInfo, seal);
    if (beaconChainInfo == null) {
      throw new IllegalArgumentException("leaf header: every field must be set (value null)");
    }
  }

  @Override
  public LeafBlockHeader withSeal(Seal seal) {
    return new LeafBlockHeader(prefix, result, consensusInfo, beaconChainInfo, seal);
  }

  @Override
  public ShardKind kind() {
    return ShardKind.LEAF;
  }

  @Override
  public void encodePreSealTo(ByteWriter w, ProtocolParameters params) {
    prefix.encodeTo(w);
    result.encodeTo(w);
    consensusInfo.encodeTo(w, params);
    beaconChainInfo.encodeTo(w);
  }

  @Override
  public Hash root(ProtocolParameters params) {
    return MerkleRoots.unbalancedRootOrZero(
        List.of(
            prefix.hash(),
            result.hash(),
            consensusInfo.hash(params),
            seal.hash(),
            beaconChainInfo.hash()));
  }
}
