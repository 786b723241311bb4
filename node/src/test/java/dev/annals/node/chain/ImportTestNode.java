package dev.annals.node.chain;

import dev.annals.blockproducer.BeaconBlockProducer;
import dev.annals.blockproducer.BlockBuilder;
import dev.annals.blockproducer.BlockDraft;
import dev.annals.blockproducer.BlockProducer;
import dev.annals.blockproducer.IntermediateBlockProducer;
import dev.annals.blockproducer.LeafBlockProducer;
import dev.annals.blockproducer.ProductionOutcome;
import dev.annals.blockproducer.SlotClaim;
import dev.annals.blockproducer.SlotWorker;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardRotation;
import dev.annals.consensus.solution.SolutionCheck;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.StorageConfig;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.Solution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One node for import tests: storage in a directory, {@link NodeChain}, {@link BlockImporter},
 * {@link NodeChainSource} and the real producers of the three kinds behind a real {@code
 * SlotWorker}. Slots come from a shared {@link PotChain}; claims name a farmer assigned to the
 * shard.
 */
final class ImportTestNode implements AutoCloseable {
  static final StorageConfig CONFIG = new StorageConfig(8L << 20, 4L << 20, false);
  static final int MAX_TX_BYTES = 16 * 1024;

  final ChainSpec spec;
  final ProtocolParameters params;
  final GenesisBlocks genesis;
  final Path dir;
  final PotChain potChain;
  final Farmers farmers;
  final SolutionCheck solutions;
  ChainStorage storage;
  NodeChain chain;
  BlockImporter importer;
  NodeChainSource source;
  private BlockBuilder builder;
  private List<BlockProducer> producers;
  private SlotWorker worker;
  private final List<ImportResult> imports = new ArrayList<>();
  private long producerNow;

  ImportTestNode(
      ChainSpec spec, Path dir, PotChain potChain, Farmers farmers, SolutionCheck solutions) {
    this.spec = spec;
    this.params = spec.parameters();
    this.genesis = new GenesisBlocks(spec);
    this.dir = dir;
    this.potChain = potChain;
    this.farmers = farmers;
    this.solutions = solutions;
    open();
  }

  /** Opens (or reopens) storage and everything over it. */
  void open() {
    storage = ChainStorage.open(dir, spec, CONFIG);
    chain =
        NodeChain.open(
            storage, genesis, new PotOutputs(4096), new TransactionPool(64, MAX_TX_BYTES), null);
    importer =
        new BlockImporter(chain, solutions, () -> spec.genesisTimestampMillis() + 86_400_000L, 64);
    source = new NodeChainSource(chain, 32);
    builder = new BlockBuilder(params);
    producers =
        List.of(
            new BeaconBlockProducer(builder, source, source),
            new IntermediateBlockProducer(builder, source, source),
            new LeafBlockProducer(builder, source, source, MAX_TX_BYTES));
    worker =
        new SlotWorker(
            params,
            producers,
            farmers.sealer(),
            block -> imports.add(importer.importBlock(block)),
            () -> producerNow);
  }

  @Override
  public void close() {
    storage.close();
  }

  long timestampFor(long slot) {
    return spec.genesisTimestampMillis() + slot * params.slotDurationMillis();
  }

  /**
   * Proof of time through {@code slot} plus the authoring delay, as the node's clock would have.
   */
  void clockAt(long slot) {
    potChain.feed(chain.pot(), slot + params.blockAuthoringDelaySlots());
  }

  /** The claim of the {@code farmer}-th farmer assigned to {@code shard} at {@code slot}. */
  SlotClaim claim(ShardIndex shard, long slot, int farmer) {
    clockAt(slot);
    Solution solution = farmers.solutionFor(shard, entropyFor(), params.numShards(), farmer);
    return new SlotClaim(
        new Slot(slot),
        chain.pot().output(new Slot(slot)).orElseThrow(),
        chain.pot().output(new Slot(slot + params.blockAuthoringDelaySlots())).orElseThrow(),
        shard,
        solution);
  }

  /** The membership entropy the importer will judge a new block by. */
  private MembershipEntropy entropyFor() {
    BeaconChainInfo best = source.beaconChainInfo();
    // A beacon block N is judged at N on its parent (the best beacon block), a shard block at the
    // beacon block after the one it names (the best): the same source either way.
    BlockNumber judgedAt = new BlockNumber(best.number().value() + 1);
    BlockNumber sourceBlock = ShardRotation.entropySourceBlock(judgedAt, params);
    BlockHeader header = chain.view().ancestor(best.root(), sourceBlock).orElseThrow();
    return MembershipEntropy.fromPotOutput(header.consensusInfo().proofOfTime());
  }

  /** Produces through the slot worker (build, seal, import); returns the import result. */
  ImportResult produce(ShardIndex shard, long slot) {
    return produce(shard, slot, 0);
  }

  ImportResult produce(ShardIndex shard, long slot, int farmer) {
    SlotClaim claim = claim(shard, slot, farmer);
    int before = imports.size();
    producerNow = timestampFor(slot);
    ProductionOutcome outcome = worker.offer(claim);
    if (outcome.status() != ProductionOutcome.Status.PRODUCED) {
      throw new IllegalStateException("not produced: " + outcome);
    }
    ImportResult result = imports.get(before);
    afterImport(result, outcome.block().orElseThrow());
    return result;
  }

  /** A block built and sealed for {@code claim} but not imported (to break or hand elsewhere). */
  BlockDraft draft(SlotClaim claim) {
    BlockProducer producer =
        producers.stream().filter(p -> p.kind() == claim.shard().kind()).findFirst().orElseThrow();
    return producer.produce(claim, timestampFor(claim.slot().value()));
  }

  Block seal(BlockDraft draft) {
    Hash key = draft.unsealedHeader().consensusInfo().solution().publicKeyHash();
    return draft.seal(farmers.sealer().seal(key, draft.preSealHash()).orElseThrow());
  }

  /** Imports a block from elsewhere (a peer); keeps the PoT schedule as a clock would. */
  ImportResult importBlock(Block block) {
    ImportResult result = importer.importBlock(block);
    afterImport(result, block);
    return result;
  }

  private void afterImport(ImportResult result, Block block) {
    if (result.imported() && block.header() instanceof BeaconBlockHeader beacon) {
      beacon.consensusParameters().potParametersChange().ifPresent(potChain::schedule);
    }
  }

  ChainHead best(ShardIndex shard) {
    return chain.bestHead(shard);
  }

  Block block(Hash root) {
    return new Block(storage.header(root).orElseThrow(), storage.body(root).orElseThrow());
  }
}
