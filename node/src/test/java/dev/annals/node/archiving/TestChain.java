package dev.annals.node.archiving;

import dev.annals.blockproducer.BlockBasics;
import dev.annals.blockproducer.BlockBuilder;
import dev.annals.blockproducer.BlockDraft;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.GenesisWriter;
import dev.annals.node.storage.StorageConfig;
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
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.LeafSegments;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.ProvenSegments;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Real blocks of the devnet spec built with the block producer's builder and sealed by a real key
 * (their solutions are well-formed but not won: no consensus check runs in this layer), stored in a
 * real RocksDB database. Everything is a function of the arguments, so two runs build the same
 * bytes.
 */
public final class TestChain {
  public static final ChainSpec SPEC = ChainSpecs.load("devnet");
  public static final ProtocolParameters PARAMS = SPEC.parameters();
  public static final GenesisBlocks GENESIS = new GenesisBlocks(SPEC);
  public static final ShardIndex INTERMEDIATE = ShardIndex.intermediate(1);
  public static final ShardIndex LEAF = ShardIndex.leaf(INTERMEDIATE, 1);
  private static final StorageConfig CONFIG = new StorageConfig(8L << 20, 4L << 20, false);

  private final BlockBuilder builder = new BlockBuilder(PARAMS);
  private final SealingKey farmer;

  public TestChain() {
    byte[] secret = new byte[SealingKey.SECRET_SIZE];
    Arrays.fill(secret, (byte) 7);
    this.farmer = SealingKey.fromSecret(secret);
  }

  /** The devnet database in {@code dir}, with every genesis block written. */
  public static ChainStorage open(Path dir) {
    ChainStorage storage = ChainStorage.open(dir, SPEC, CONFIG);
    GenesisWriter.ensure(storage, GENESIS);
    return storage;
  }

  public static Hash genesisRoot(ShardIndex shard) {
    return GENESIS.of(shard).root();
  }

  /**
   * A leaf block on {@code parent} with {@code payload} bytes of transactions seeded by {@code
   * seed}.
   */
  public Block leaf(BlockHeader parent, Optional<OwnSegments> own, int payload, long seed) {
    byte[] tx = new byte[payload];
    new SplittableRandom(seed).nextBytes(tx);
    LeafBlockBody body = new LeafBlockBody(own, List.of(Bytes.wrap(tx)));
    return seal(builder.leaf(basics(parent), beaconInfo(), body));
  }

  public Block intermediate(
      BlockHeader parent, Optional<OwnSegments> own, List<LeafBlockInfo> leaves) {
    return seal(
        builder.intermediate(basics(parent), beaconInfo(), new IntermediateBlockBody(own, leaves)));
  }

  public Block beacon(BlockHeader parent, BeaconBlockBody body, Optional<Hash> superSegmentRoot) {
    ConsensusParameters genesis =
        ((BeaconBlockHeader) GENESIS.beacon().header()).consensusParameters();
    ConsensusParameters parameters =
        new ConsensusParameters(
            genesis.solutionRange(),
            genesis.slotIterations(),
            genesis.numShards(),
            superSegmentRoot,
            OptionalLong.empty(),
            Optional.empty());
    return seal(builder.beacon(basics(parent), parameters, body));
  }

  /** How an intermediate body lists a stored leaf block: its header and proven own segments. */
  public static LeafBlockInfo leafInfo(Block leaf) {
    LeafBlockBody body = (LeafBlockBody) leaf.body();
    return new LeafBlockInfo(
        (LeafBlockHeader) leaf.header(),
        body.ownSegments().map(own -> new ProvenSegments(own, body.transactionsRoot())));
  }

  /** How a beacon body lists an intermediate block: its header, own and its leaves' segments. */
  public static IntermediateBlockInfo intermediateInfo(Block intermediate) {
    IntermediateBlockBody body = (IntermediateBlockBody) intermediate.body();
    List<LeafSegments> leaves = new ArrayList<>();
    List<Hash> headerRoots = new ArrayList<>();
    for (LeafBlockInfo leaf : body.leafBlocks()) {
      leaf.segments()
          .ifPresent(
              s -> leaves.add(new LeafSegments(leaf.header().prefix().shardIndex(), s.segments())));
      headerRoots.add(leaf.header().root(PARAMS));
    }
    boolean any = body.ownSegments().isPresent() || !leaves.isEmpty();
    return new IntermediateBlockInfo(
        (IntermediateBlockHeader) intermediate.header(),
        any ? Optional.of(leafHeadersRoot(headerRoots)) : Optional.empty(),
        body.ownSegments(),
        leaves);
  }

  /** The sibling of the segments root in an intermediate body's top pair. */
  private static Hash leafHeadersRoot(List<Hash> roots) {
    if (roots.isEmpty()) {
      return Hash.ZERO;
    }
    byte[] leaves = new byte[roots.size() * Hash.SIZE];
    for (int i = 0; i < roots.size(); i++) {
      Hash.blake3(roots.get(i).toBytes()).copyTo(leaves, i * Hash.SIZE);
    }
    return Hash.wrap(UnbalancedMerkleTree.root(leaves, 0, roots.size()));
  }

  /** Stores {@code block} as its shard's new best block, with what {@code extra} adds. */
  public static Hash importBest(ChainStorage storage, Block block, BatchPart extra) {
    try (BlockWrite write = storage.beginWrite()) {
      Hash root = write.putBlock(block.header(), block.body());
      write.setBestChain(
          block.header().prefix().shardIndex(),
          new ChainHead(block.header().prefix().number(), root));
      extra.addTo(write, root);
      write.commit();
      return root;
    }
  }

  /** What an import adds to the block's batch (archiving, landing). */
  @FunctionalInterface
  public interface BatchPart {
    void addTo(BlockWrite write, Hash root);
  }

  private Block seal(BlockDraft draft) {
    return draft.seal(farmer.seal(draft.preSealHash()));
  }

  private BlockBasics basics(BlockHeader parent) {
    long number = parent.prefix().number().value() + 1;
    Hash parentRoot = parent.root(PARAMS);
    ConsensusInfo info =
        new ConsensusInfo(
            new Slot(number),
            Bytes.zeros(ConsensusInfo.POT_OUTPUT_SIZE),
            Bytes.zeros(ConsensusInfo.POT_OUTPUT_SIZE),
            solution());
    return new BlockBasics(
        new BlockNumber(number),
        parent.prefix().shardIndex(),
        parent.prefix().timestampMillis() + 1_000,
        parentRoot,
        Hash.blake3(parentRoot.toBytes()),
        parent.result().stateRoot(),
        info);
  }

  private static BeaconChainInfo beaconInfo() {
    return new BeaconChainInfo(BlockNumber.ZERO, genesisRoot(ShardIndex.BEACON));
  }

  private Solution solution() {
    ProtocolParameters p = PARAMS;
    return new Solution(
        farmer.publicKeyHash(),
        new ShardCommitment(Hash.ZERO, Proofs.zeros(p.shardCommitmentProofHashes()), Hash.ZERO),
        LocalSegmentIndex.ZERO,
        SuperSegmentIndex.ZERO,
        Hash.ZERO,
        Proofs.zeros(p.segmentProofHashes()),
        Hash.ZERO,
        Proofs.zeros(p.recordProofHashes()),
        Hash.ZERO,
        Proofs.zeros(p.chunkProofHashes()),
        Bytes.zeros(p.posProofSize()),
        HistorySize.ONE,
        new SectorIndex(0),
        new PieceOffset(0),
        SegmentPosition.ZERO,
        ShardIndex.BEACON);
  }
}
