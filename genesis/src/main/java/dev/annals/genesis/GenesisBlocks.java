package dev.annals.genesis;

import dev.annals.consensus.block.StateRoots;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.BlockHeaderResult;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The genesis block of every shard of a chain spec. A genesis block is not won, sealed or verified;
 * its fields are fixed as docs/chain-spec.md lists: number 0, zero parent and MMR roots, the spec's
 * timestamp, a state root derived from the spec digest and the shard, slot 0, zero proof-of-time
 * outputs, an all-zero solution (but for its public key hash, which must be the hash of the
 * all-zero seal key), an empty body. The beacon header carries the spec's solution range, slot
 * iterations and shard counts; intermediate and leaf headers point at the beacon genesis.
 */
public final class GenesisBlocks {
  private final ChainSpec spec;
  private final ProtocolParameters params;
  private final Map<ShardIndex, GenesisBlock> blocks;

  public GenesisBlocks(ChainSpec spec) {
    this.spec = spec;
    this.params = spec.parameters();
    Map<ShardIndex, GenesisBlock> out = new LinkedHashMap<>();
    GenesisBlock beacon = build(ShardIndex.BEACON, null);
    out.put(ShardIndex.BEACON, beacon);
    for (ShardIndex shard : params.numShards().intermediateShardIndices()) {
      out.put(shard, build(shard, beacon.root()));
    }
    for (ShardIndex shard : params.numShards().leafShardIndices()) {
      out.put(shard, build(shard, beacon.root()));
    }
    this.blocks = Collections.unmodifiableMap(out);
  }

  public ChainSpec spec() {
    return spec;
  }

  public GenesisBlock beacon() {
    return blocks.get(ShardIndex.BEACON);
  }

  /** The genesis of {@code shard}, which must exist under the spec's shard counts. */
  public GenesisBlock of(ShardIndex shard) {
    GenesisBlock block = blocks.get(shard);
    if (block == null) {
      throw new IllegalArgumentException(
          "shard: not part of chain " + spec.name() + " (value " + shard + ")");
    }
    return block;
  }

  /** All genesis blocks: beacon, intermediate shards in order, leaf shards in leaf order. */
  public List<GenesisBlock> all() {
    return new ArrayList<>(blocks.values());
  }

  /** The genesis state root of {@code shard}: see {@link StateRoots#genesis}. */
  public static Hash stateRoot(ChainSpec spec, ShardIndex shard) {
    return StateRoots.genesis(spec.digest(), shard);
  }

  /**
   * The beacon genesis as the archiver takes it, extended to exactly one segment: its archiver
   * bytes, then ChaCha8 keystream (key = the block's state root, counter and nonce 0) over the
   * rest, as Abundance's {@code encode_block} does. Decoding reads the two lengths and ignores the
   * tail. As a segment item it needs 5 more bytes than a segment holds, so segment 0 ends inside it
   * and its last 5 bytes open segment 1 as a continuation.
   */
  public byte[] beaconArchiverBytes() {
    GenesisBlock beacon = beacon();
    byte[] block = new Block(beacon.header(), beacon.body()).archiverBytes(params);
    int segmentSize = Math.toIntExact(params.segmentSize());
    int length = block.length;
    if (length > segmentSize) {
      throw new IllegalStateException(
          "beacon genesis of " + length + " bytes exceeds one segment of " + segmentSize);
    }
    byte[] out = Arrays.copyOf(block, segmentSize);
    Kernels.chacha8()
        .keystream(
            beacon.header().result().stateRoot().toBytes(), 0, out, length, segmentSize - length);
    return out;
  }

  private GenesisBlock build(ShardIndex shard, Hash beaconRoot) {
    BlockBody body =
        switch (shard.kind()) {
          case BEACON -> new BeaconBlockBody(Optional.empty(), List.of(), List.of());
          case INTERMEDIATE -> new IntermediateBlockBody(Optional.empty(), List.of());
          case LEAF -> new LeafBlockBody(Optional.empty(), List.of());
          case PHANTOM -> throw new IllegalArgumentException("phantom shard " + shard);
        };
    BlockHeaderPrefix prefix =
        new BlockHeaderPrefix(
            BlockNumber.ZERO, shard, spec.genesisTimestampMillis(), Hash.ZERO, Hash.ZERO);
    BlockHeaderResult result = new BlockHeaderResult(body.root(params), stateRoot(spec, shard));
    Seal seal = new Seal(Bytes.zeros(Seal.PUBLIC_KEY_SIZE), Bytes.zeros(Seal.SIGNATURE_SIZE));
    ConsensusInfo info =
        new ConsensusInfo(
            Slot.ZERO,
            Bytes.zeros(ConsensusInfo.POT_OUTPUT_SIZE),
            Bytes.zeros(ConsensusInfo.POT_OUTPUT_SIZE),
            genesisSolution(seal.publicKeyHash()));
    BlockHeader header =
        switch (shard.kind()) {
          case BEACON ->
              new BeaconBlockHeader(
                  prefix,
                  result,
                  info,
                  ChildBlockRoots.NONE,
                  new ConsensusParameters(
                      spec.initialSolutionRange(),
                      spec.slotIterations(),
                      spec.numShards(),
                      Optional.empty(),
                      OptionalLong.empty(),
                      Optional.empty()),
                  seal);
          case INTERMEDIATE ->
              new IntermediateBlockHeader(
                  prefix,
                  result,
                  info,
                  new BeaconChainInfo(BlockNumber.ZERO, beaconRoot),
                  ChildBlockRoots.NONE,
                  seal);
          case LEAF ->
              new LeafBlockHeader(
                  prefix, result, info, new BeaconChainInfo(BlockNumber.ZERO, beaconRoot), seal);
          case PHANTOM -> throw new IllegalArgumentException("phantom shard " + shard);
        };
    return new GenesisBlock(header, body, header.root(params));
  }

  /** Every field zero on the wire (history size 1 encodes as 0) but the public key hash. */
  private Solution genesisSolution(Hash publicKeyHash) {
    return new Solution(
        publicKeyHash,
        new ShardCommitment(Hash.ZERO, zeros(params.shardCommitmentProofHashes()), Hash.ZERO),
        LocalSegmentIndex.ZERO,
        SuperSegmentIndex.ZERO,
        Hash.ZERO,
        zeros(params.segmentProofHashes()),
        Hash.ZERO,
        zeros(params.recordProofHashes()),
        Hash.ZERO,
        zeros(params.chunkProofHashes()),
        Bytes.zeros(params.posProofSize()),
        HistorySize.ONE,
        new SectorIndex(0),
        new PieceOffset(0),
        SegmentPosition.ZERO,
        ShardIndex.BEACON);
  }

  private static List<Hash> zeros(int count) {
    return Collections.nCopies(count, Hash.ZERO);
  }
}
