package dev.annals.blockproducer.rules;

import dev.annals.blockproducer.BlockBasics;
import dev.annals.blockproducer.BlockBuilder;
import dev.annals.blockproducer.BlockDraft;
import dev.annals.consensus.block.StateRoots;
import dev.annals.consensus.pot.BlockPotVerifier;
import dev.annals.consensus.pot.PotSeeds;
import dev.annals.consensus.pot.PotSlotInput;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.consensus.shard.ShardCommitmentTree;
import dev.annals.consensus.shard.ShardRotation;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.kernel.pot.ProofOfTime;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ChildBlockRoots;
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
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.block.ProvenSegments;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A small valid network on the dev preset: beacon genesis and blocks B1 (slot 2), B2 (slot 4, own
 * segment 0); leaf shard 1 of intermediate shard 1 with L1 (slot 5, names B1, own segment, one
 * transaction) and L2 (slot 7, names B2); intermediate shard 1 with I1 (slot 8, names B2, includes
 * L1 and L2, own segment). The proof of time is real (dev iterations); every solution carries a
 * real shard membership reveal of a farmer assigned to the block's shard. Blocks are sealed by
 * {@link BlockBuilder} and {@link BlockDraft}.
 */
final class ShardChainFixture {
  static final ProtocolParameters P = ProtocolParameters.DEV;
  static final long T0 = 1_700_000_000_000L;
  static final long NOW = T0 + 3_600_000;
  static final long GENESIS_RANGE = Long.divideUnsigned(-1L, 16);
  static final int POT_SLOTS = 40;
  static final Hash CHAIN_SPEC = Hash.blake3("dev chain spec".getBytes(StandardCharsets.US_ASCII));
  static final ShardIndex INTERMEDIATE = ShardIndex.intermediate(1);
  static final ShardIndex LEAF = ShardIndex.leaf(INTERMEDIATE, 1);
  static final ShardIndex OTHER_LEAF = ShardIndex.leaf(INTERMEDIATE, 2);

  /** A farmer identity: its sealing key and the commitment tree of its secret. */
  record Farmer(SealingKey key, ShardCommitmentTree tree) {}

  final InMemoryChainView view = new InMemoryChainView(P);
  final BlockBuilder builder = new BlockBuilder(P);
  final ProofOfTime pot = Kernels.proofOfTime();
  final Map<Long, byte[]> checkpoints = new HashMap<>();
  final List<Farmer> farmers = new ArrayList<>();
  final Bytes genesisSeed;
  final BlockPotVerifier potVerifier;
  final Block beaconGenesis;
  final Block intermediateGenesis;
  final Block leafGenesis;
  final Block otherLeafGenesis;
  final Block b1;
  final Block b2;
  final Block l1;
  final Block l2;
  final Block i1;
  final OwnSegments beaconSegment0 = segments("beacon", 0);
  final OwnSegments leafSegment0 = segments("leaf", 0);
  final OwnSegments intermediateSegment0 = segments("intermediate", 0);

  ShardChainFixture() {
    for (int i = 1; i <= 24; i++) {
      byte[] secret = new byte[SealingKey.SECRET_SIZE];
      Arrays.fill(secret, (byte) i);
      farmers.add(
          new Farmer(
              SealingKey.fromSecret(secret),
              ShardCommitmentTree.build(
                  ShardCommitmentTree.seedFromSecretKey(secret),
                  HistorySize.ONE,
                  P.shardCommitmentLeavesLog2())));
    }
    beaconGenesis = genesis(ShardIndex.BEACON);
    view.addGenesis(beaconGenesis);
    intermediateGenesis = genesis(INTERMEDIATE);
    view.addGenesis(intermediateGenesis);
    leafGenesis = genesis(LEAF);
    view.addGenesis(leafGenesis);
    otherLeafGenesis = genesis(OTHER_LEAF);
    view.addGenesis(otherLeafGenesis);
    genesisSeed = PotSeeds.genesis(root(beaconGenesis), new byte[] {7});
    potVerifier = new BlockPotVerifier(pot, genesisSeed, P.blockAuthoringDelaySlots());
    PotSlotInput input = PotSlotInput.first(genesisSeed, P.slotIterations());
    for (long slot = 1; slot <= POT_SLOTS; slot++) {
      byte[] cps = pot.prove(input.seed().toBytes(), input.slotIterations());
      checkpoints.put(slot, cps);
      Bytes output = Bytes.wrap(Arrays.copyOfRange(cps, cps.length - 16, cps.length));
      view.potOutput(new Slot(slot), output);
      input = input.next(output, null);
    }
    view.historySize(root(beaconGenesis), HistorySize.ONE);

    b1 = add(seal(beaconSpec(beaconGenesis, 2)));
    view.expectOwnSegments(ShardIndex.BEACON, root(b1), beaconSegment0);
    BlockSpec b2Spec = beaconSpec(b1, 4);
    b2Spec.ownSegments = Optional.of(beaconSegment0);
    b2 = add(seal(b2Spec));

    view.expectOwnSegments(LEAF, root(leafGenesis), leafSegment0);
    BlockSpec l1Spec = childSpec(leafGenesis, b1, 5);
    l1Spec.ownSegments = Optional.of(leafSegment0);
    l1Spec.transactions = List.of(Bytes.wrap(new byte[] {1, 2, 3}));
    l1 = add(seal(l1Spec));
    l2 = add(seal(childSpec(l1, b2, 7)));

    view.expectOwnSegments(INTERMEDIATE, root(intermediateGenesis), intermediateSegment0);
    BlockSpec i1Spec = childSpec(intermediateGenesis, b2, 8);
    i1Spec.ownSegments = Optional.of(intermediateSegment0);
    i1Spec.leafBlocks = List.of(leafInfo(l1), leafInfo(l2));
    i1 = add(seal(i1Spec));
  }

  static Hash root(Block block) {
    return block.header().root(P);
  }

  static OwnSegments segments(String label, long first) {
    return new OwnSegments(
        new LocalSegmentIndex(first),
        List.of(Hash.blake3((label + " segment " + first).getBytes(StandardCharsets.US_ASCII))));
  }

  Block add(Block block) {
    view.add(block);
    view.historySize(root(block), HistorySize.ONE);
    return block;
  }

  Bytes output(long slot) {
    byte[] cps = checkpoints.get(slot);
    return Bytes.wrap(Arrays.copyOfRange(cps, cps.length - 16, cps.length));
  }

  /** The genesis block of a shard: number 0, slot 0, zero parent and MMR roots. */
  private Block genesis(ShardIndex shard) {
    Farmer farmer = farmers.getFirst();
    BlockBasics basics =
        new BlockBasics(
            BlockNumber.ZERO,
            shard,
            T0,
            Hash.ZERO,
            Hash.ZERO,
            StateRoots.genesis(CHAIN_SPEC, shard),
            new ConsensusInfo(
                Slot.ZERO,
                Bytes.zeros(16),
                Bytes.zeros(16),
                solution(farmer, farmer.tree().reveal(0))));
    BlockDraft draft =
        switch (shard.kind()) {
          case BEACON ->
              builder.beacon(
                  basics,
                  new ConsensusParameters(
                      GENESIS_RANGE,
                      P.slotIterations(),
                      P.numShards(),
                      Optional.empty(),
                      OptionalLong.empty(),
                      Optional.empty()),
                  new BeaconBlockBody(Optional.empty(), List.of(), List.of()));
          case INTERMEDIATE ->
              builder.intermediate(
                  basics,
                  new BeaconChainInfo(BlockNumber.ZERO, root(beaconGenesis)),
                  new IntermediateBlockBody(Optional.empty(), List.of()));
          case LEAF ->
              builder.leaf(
                  basics,
                  new BeaconChainInfo(BlockNumber.ZERO, root(beaconGenesis)),
                  new LeafBlockBody(Optional.empty(), List.of()));
          case PHANTOM -> throw new IllegalArgumentException("phantom");
        };
    return draft.seal(farmer.key().seal(draft.preSealHash()));
  }

  static Solution solution(Farmer farmer, ShardCommitment reveal) {
    return new Solution(
        farmer.key().publicKeyHash(),
        reveal,
        LocalSegmentIndex.ZERO,
        SuperSegmentIndex.ZERO,
        Hash.ZERO,
        Proofs.zeros(P.segmentProofHashes()),
        Hash.ZERO,
        Proofs.zeros(P.recordProofHashes()),
        Hash.blake3(farmer.key().publicKey().toBytes()),
        Proofs.zeros(P.chunkProofHashes()),
        Bytes.zeros(P.posProofSize()),
        HistorySize.ONE,
        new SectorIndex(0),
        new PieceOffset(0),
        SegmentPosition.ZERO,
        ShardIndex.BEACON);
  }

  /** The membership entropy a block judged at beacon block {@code number} on this chain uses. */
  MembershipEntropy entropyAt(Hash beaconRoot, BlockNumber number) {
    BlockNumber source = ShardRotation.entropySourceBlock(number, P);
    BlockHeader header = view.ancestor(beaconRoot, source).orElseThrow();
    return MembershipEntropy.fromPotOutput(header.consensusInfo().proofOfTime());
  }

  /** A farmer whose assignment fits (or, with {@code fits} false, does not fit) the shard. */
  Farmer farmerFor(ShardIndex shard, MembershipEntropy entropy, NumShards numShards, boolean fits) {
    for (Farmer farmer : farmers) {
      ShardIndex leaf = assignment(farmer, entropy, numShards).leafShard();
      boolean ok =
          switch (shard.kind()) {
            case BEACON -> true;
            case INTERMEDIATE -> leaf.parent().equals(shard);
            case LEAF -> leaf.equals(shard);
            case PHANTOM -> false;
          };
      if (ok == fits) {
        return farmer;
      }
    }
    throw new IllegalStateException("no test farmer " + (fits ? "on" : "off") + " shard " + shard);
  }

  ShardAssignment assignment(Farmer farmer, MembershipEntropy entropy, NumShards numShards) {
    return ShardAssignment.derive(
        farmer.key().publicKeyHash(),
        farmer.tree().root(),
        entropy,
        HistorySize.ONE,
        numShards,
        P.shardCommitmentLeavesLog2());
  }

  /** Sets the solution and sealing key to a farmer that fits (or not) the spec's shard. */
  void useFarmer(BlockSpec spec, Hash beaconRoot, BlockNumber judgedAt, boolean fits) {
    MembershipEntropy entropy = entropyAt(beaconRoot, judgedAt);
    Farmer farmer = farmerFor(spec.shard, entropy, P.numShards(), fits);
    spec.solution =
        solution(
            farmer,
            farmer.tree().reveal(assignment(farmer, entropy, P.numShards()).commitmentIndex()));
    spec.sealingKey = farmer.key();
  }

  private BlockSpec commonSpec(Block parent, long slot) {
    BlockHeader p = parent.header();
    BlockSpec spec = new BlockSpec();
    spec.number = new BlockNumber(p.prefix().number().value() + 1);
    spec.shard = p.prefix().shardIndex();
    spec.timestampMillis = p.prefix().timestampMillis() + 1_000;
    spec.parentRoot = root(parent);
    spec.mmrRoot = view.mmrRootThrough(spec.parentRoot).orElseThrow();
    spec.parentStateRoot = p.result().stateRoot();
    spec.slot = new Slot(slot);
    spec.proofOfTime = output(slot);
    spec.futureProofOfTime = output(slot + P.blockAuthoringDelaySlots());
    return spec;
  }

  /** A valid beacon block on {@code parent} at {@code slot}, with the parent's parameters. */
  BlockSpec beaconSpec(Block parent, long slot) {
    BlockSpec spec = commonSpec(parent, slot);
    ConsensusParameters pp = ((BeaconBlockHeader) parent.header()).consensusParameters();
    spec.consensusParameters =
        new ConsensusParameters(
            pp.solutionRange(),
            pp.slotIterations(),
            pp.numShards(),
            Optional.empty(),
            OptionalLong.empty(),
            Optional.empty());
    long parentSlot = parent.header().consensusInfo().slot().value();
    long from = parentSlot == 0 ? 1 : parentSlot + P.blockAuthoringDelaySlots() + 1;
    List<PotCheckpoints> cps = new ArrayList<>();
    for (long s = from; s <= slot + P.blockAuthoringDelaySlots(); s++) {
      cps.add(new PotCheckpoints(Bytes.of(checkpoints.get(s))));
    }
    spec.checkpoints = cps;
    useFarmer(spec, spec.parentRoot, spec.number, true);
    return spec;
  }

  /** A valid intermediate or leaf block on {@code parent} at {@code slot} naming {@code beacon}. */
  BlockSpec childSpec(Block parent, Block beacon, long slot) {
    BlockSpec spec = commonSpec(parent, slot);
    BlockNumber beaconNumber = beacon.header().prefix().number();
    spec.beaconChainInfo = new BeaconChainInfo(beaconNumber, root(beacon));
    useFarmer(spec, root(beacon), new BlockNumber(beaconNumber.value() + 1), true);
    return spec;
  }

  /** A leaf block as an intermediate body carries it: its own segments with their proof. */
  static LeafBlockInfo leafInfo(Block leaf) {
    LeafBlockBody body = (LeafBlockBody) leaf.body();
    return new LeafBlockInfo(
        (LeafBlockHeader) leaf.header(),
        body.ownSegments().map(own -> new ProvenSegments(own, body.transactionsRoot())));
  }

  /**
   * An intermediate block as a beacon body carries it: own segments, its leaves' segments and the
   * proof (the intermediate body's leaf headers root, computed here from its definition).
   */
  IntermediateBlockInfo intermediateInfo(Block intermediate) {
    IntermediateBlockBody body = (IntermediateBlockBody) intermediate.body();
    List<LeafSegments> leaves = new ArrayList<>();
    byte[] headerLeaves = new byte[body.leafBlocks().size() * Hash.SIZE];
    for (int i = 0; i < body.leafBlocks().size(); i++) {
      LeafBlockInfo leaf = body.leafBlocks().get(i);
      leaf.segments()
          .ifPresent(
              s -> leaves.add(new LeafSegments(leaf.header().prefix().shardIndex(), s.segments())));
      Hash.blake3(leaf.header().root(P).toBytes()).copyTo(headerLeaves, i * Hash.SIZE);
    }
    Hash headersRoot =
        body.leafBlocks().isEmpty()
            ? Hash.ZERO
            : Hash.wrap(UnbalancedMerkleTree.root(headerLeaves, 0, body.leafBlocks().size()));
    boolean any = body.ownSegments().isPresent() || !leaves.isEmpty();
    return new IntermediateBlockInfo(
        (IntermediateBlockHeader) intermediate.header(),
        any ? Optional.of(headersRoot) : Optional.empty(),
        body.ownSegments(),
        leaves);
  }

  BlockDraft draft(BlockSpec spec) {
    BlockBody body =
        switch (spec.shard.kind()) {
          case BEACON ->
              new BeaconBlockBody(spec.ownSegments, spec.intermediateBlocks, spec.checkpoints);
          case INTERMEDIATE -> new IntermediateBlockBody(spec.ownSegments, spec.leafBlocks);
          case LEAF -> new LeafBlockBody(spec.ownSegments, spec.transactions);
          case PHANTOM -> throw new IllegalArgumentException("phantom");
        };
    Hash stateRoot =
        spec.stateRoot != null ? spec.stateRoot : StateRoots.after(spec.parentStateRoot, body);
    BlockBasics basics =
        new BlockBasics(
            spec.number,
            spec.shard,
            spec.timestampMillis,
            spec.parentRoot,
            spec.mmrRoot,
            stateRoot,
            new ConsensusInfo(spec.slot, spec.proofOfTime, spec.futureProofOfTime, spec.solution));
    return switch (body) {
      case BeaconBlockBody b -> builder.beacon(basics, spec.consensusParameters, b);
      case IntermediateBlockBody b -> builder.intermediate(basics, spec.beaconChainInfo, b);
      case LeafBlockBody b -> builder.leaf(basics, spec.beaconChainInfo, b);
    };
  }

  Block seal(BlockSpec spec) {
    BlockDraft draft = draft(spec);
    return draft.seal(spec.sealingKey.seal(draft.preSealHash()));
  }

  /** Re-seals {@code header} (any change made to it) with the key of its solution's farmer. */
  static Block resealed(BlockHeader header, BlockBody body, SealingKey key) {
    Seal seal = key.seal(header.preSealHash(P));
    return new Block(header.withSeal(seal), body);
  }

  static IntermediateBlockHeader withChildren(IntermediateBlockHeader h, ChildBlockRoots roots) {
    return new IntermediateBlockHeader(
        h.prefix(), h.result(), h.consensusInfo(), h.beaconChainInfo(), roots, h.seal());
  }

  static boolean isKind(Block block, ShardKind kind) {
    return block.header().kind() == kind;
  }
}
