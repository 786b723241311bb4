package dev.annals.blockproducer;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.BlockHeaderResult;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * Assembles unsealed blocks of each shard kind from their parts. Everything a header repeats from
 * its body (body root, child block roots) is derived here, so a draft is consistent by
 * construction; choosing the parts (which children, which segments, which transactions) is the
 * producer's job.
 */
public final class BlockBuilder {
  private static final Seal BLANK_SEAL =
      new Seal(Bytes.zeros(Seal.PUBLIC_KEY_SIZE), Bytes.zeros(Seal.SIGNATURE_SIZE));

  private final ProtocolParameters params;

  public BlockBuilder(ProtocolParameters params) {
    this.params = params;
  }

  public BlockDraft beacon(
      BlockBasics basics, ConsensusParameters consensusParameters, BeaconBlockBody body) {
    requireKind(basics, ShardKind.BEACON);
    ChildBlockRoots children =
        new ChildBlockRoots(
            body.intermediateBlocks().stream()
                .map(IntermediateBlockInfo::header)
                .map(header -> header.root(params))
                .toList());
    BeaconBlockHeader header =
        new BeaconBlockHeader(
            prefix(basics),
            result(basics, body.root(params)),
            basics.consensusInfo(),
            children,
            consensusParameters,
            BLANK_SEAL);
    return BlockDraft.of(header, body, params);
  }

  public BlockDraft intermediate(
      BlockBasics basics, BeaconChainInfo beaconChainInfo, IntermediateBlockBody body) {
    requireKind(basics, ShardKind.INTERMEDIATE);
    ChildBlockRoots children =
        new ChildBlockRoots(
            body.leafBlocks().stream()
                .map(LeafBlockInfo::header)
                .map(header -> header.root(params))
                .toList());
    IntermediateBlockHeader header =
        new IntermediateBlockHeader(
            prefix(basics),
            result(basics, body.root(params)),
            basics.consensusInfo(),
            beaconChainInfo,
            children,
            BLANK_SEAL);
    return BlockDraft.of(header, body, params);
  }

  public BlockDraft leaf(BlockBasics basics, BeaconChainInfo beaconChainInfo, LeafBlockBody body) {
    requireKind(basics, ShardKind.LEAF);
    LeafBlockHeader header =
        new LeafBlockHeader(
            prefix(basics),
            result(basics, body.root(params)),
            basics.consensusInfo(),
            beaconChainInfo,
            BLANK_SEAL);
    return BlockDraft.of(header, body, params);
  }

  private static BlockHeaderPrefix prefix(BlockBasics basics) {
    return new BlockHeaderPrefix(
        basics.number(),
        basics.shard(),
        basics.timestampMillis(),
        basics.parentRoot(),
        basics.mmrRoot());
  }

  private static BlockHeaderResult result(BlockBasics basics, Hash bodyRoot) {
    return new BlockHeaderResult(bodyRoot, basics.stateRoot());
  }

  private static void requireKind(BlockBasics basics, ShardKind kind) {
    if (basics.shard().kind() != kind) {
      throw new IllegalArgumentException(
          "block basics.shard: a "
              + kind
              + " block needs a "
              + kind
              + " shard (value "
              + basics.shard()
              + ", a "
              + basics.shard().kind()
              + " shard)");
    }
  }
}
