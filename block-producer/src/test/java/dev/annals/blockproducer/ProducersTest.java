package dev.annals.blockproducer;

import static dev.annals.blockproducer.Drafts.PARAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.kernel.merkle.MerkleNodes;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.Seal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProducersTest {
  private static final NumShards SHARDS = new NumShards(1, 2);
  private final BlockBuilder builder = new BlockBuilder(PARAMS);
  private final SealingKey farmer = Drafts.key(5);
  private final ShardIndex intermediate = ShardIndex.intermediate(1);
  private final ShardIndex leaf = ShardIndex.leaf(intermediate, 2);
  private final ConsensusParameters parameters =
      new ConsensusParameters(
          1L << 40,
          PARAMS.slotIterations(),
          SHARDS,
          Optional.empty(),
          OptionalLong.empty(),
          Optional.empty());
  private InMemoryChains chains;
  private long now = 10_000;

  @BeforeEach
  void genesis() {
    chains = new InMemoryChains(PARAMS, parameters);
    BeaconChainInfo none = new BeaconChainInfo(BlockNumber.ZERO, Hash.ZERO);
    chains.start(
        seal(
            builder.beacon(
                Drafts.basics(ShardIndex.BEACON, 0, farmer),
                parameters,
                new BeaconBlockBody(Optional.empty(), List.of(), List.of()))));
    chains.start(
        seal(
            builder.intermediate(
                Drafts.basics(intermediate, 0, farmer),
                none,
                new IntermediateBlockBody(Optional.empty(), List.of()))));
    chains.start(
        seal(
            builder.leaf(
                Drafts.basics(leaf, 0, farmer),
                none,
                new LeafBlockBody(Optional.empty(), List.of()))));
  }

  @Test
  void leafBlocksChainNumbersParentsMmrAndStateRoots() {
    LeafBlockProducer producer = new LeafBlockProducer(builder, chains, chains, 100);
    ChainTip genesis = chains.tip(leaf);
    OwnSegments segments =
        new OwnSegments(LocalSegmentIndex.ZERO, List.of(Hash.blake3(new byte[] {7})));
    chains.pendingSegments.put(leaf, segments);
    chains.pool.put(
        leaf,
        List.of(Bytes.wrap(new byte[60]), Bytes.wrap(new byte[30]), Bytes.wrap(new byte[20])));

    Block first = produceAndImport(producer, leaf, 3);
    LeafBlockHeader header = (LeafBlockHeader) first.header();
    LeafBlockBody body = (LeafBlockBody) first.body();
    assertThat(header.prefix().number().value()).isEqualTo(1);
    assertThat(header.prefix().parentRoot()).isEqualTo(genesis.root());
    assertThat(header.prefix().mmrRoot()).isEqualTo(genesis.root());
    assertThat(body.ownSegments()).contains(segments);
    // 60 + 30 bytes fit the 100-byte cap; the next 20 would not
    assertThat(body.transactions()).hasSize(2);
    assertThat(header.result().stateRoot())
        .isEqualTo(
            Hash.wrap(
                MerkleNodes.pair(
                    genesis.header().result().stateRoot().toBytes(),
                    body.transactionsRoot().toBytes())));
    assertThat(header.beaconChainInfo().root()).isEqualTo(chains.tip(ShardIndex.BEACON).root());

    Block second = produceAndImport(producer, leaf, 4);
    assertThat(second.header().prefix().number().value()).isEqualTo(2);
    assertThat(second.header().prefix().parentRoot()).isEqualTo(first.header().root(PARAMS));
    assertThat(second.header().prefix().mmrRoot())
        .isEqualTo(
            Hash.wrap(
                MerkleNodes.pair(genesis.root().toBytes(), first.header().root(PARAMS).toBytes())));
    assertThat(((LeafBlockBody) second.body()).ownSegments()).isEmpty();
    assertThat(second.header().prefix().timestampMillis())
        .isGreaterThan(first.header().prefix().timestampMillis());
  }

  @Test
  void intermediateAndBeaconBlocksCarryWhatTheNodeChoseForThem() {
    Hash intermediateGenesisState = chains.tip(intermediate).header().result().stateRoot();
    LeafBlockProducer leafProducer = new LeafBlockProducer(builder, chains, chains, 100);
    Block leafBlock = produceAndImport(leafProducer, leaf, 2);
    chains.leafBlocks.put(
        intermediate,
        List.of(new LeafBlockInfo((LeafBlockHeader) leafBlock.header(), Optional.empty())));
    Block intermediateBlock =
        produceAndImport(new IntermediateBlockProducer(builder, chains, chains), intermediate, 2);
    assertThat(((IntermediateBlockHeader) intermediateBlock.header()).childShardBlocks().roots())
        .containsExactly(leafBlock.header().root(PARAMS));
    assertThat(intermediateBlock.header().result().stateRoot()).isEqualTo(intermediateGenesisState);

    Block beacon =
        produceAndImport(new BeaconBlockProducer(builder, chains, chains), ShardIndex.BEACON, 3);
    BeaconBlockHeader header = (BeaconBlockHeader) beacon.header();
    assertThat(header.consensusParameters()).isEqualTo(parameters);
    assertThat(((BeaconBlockBody) beacon.body()).potCheckpoints()).hasSize(1);
  }

  @Test
  void aProducerRefusesAClaimOfAnotherKind() {
    LeafBlockProducer producer = new LeafBlockProducer(builder, chains, chains, 100);
    SlotClaim claim = claim(intermediate, 3);
    assertThatThrownBy(() -> producer.produce(claim, now))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slot claim.shard")
        .hasMessageContaining("LEAF");
  }

  @Test
  void theSlotWorkerRoutesSealsImportsAndTakesOneBlockPerShardPerSlot() {
    SlotWorker worker =
        new SlotWorker(
            PARAMS,
            List.of(
                new LeafBlockProducer(builder, chains, chains, 100),
                new IntermediateBlockProducer(builder, chains, chains),
                new BeaconBlockProducer(builder, chains, chains)),
            (publicKeyHash, preSealHash) ->
                publicKeyHash.equals(farmer.publicKeyHash())
                    ? Optional.of(farmer.seal(preSealHash))
                    : Optional.empty(),
            chains::importBlock,
            () -> now);
    Bytes pot = Bytes.zeros(16);
    SlotRouting anyDistance =
        new SlotRouting(MembershipEntropy.fromPotOutput(pot), SHARDS, SolutionRange.MAX);
    var solution = Drafts.solution(farmer.publicKeyHash());

    ProductionOutcome produced = worker.offer(new Slot(5), pot, pot, solution, anyDistance);
    assertThat(produced.status()).isEqualTo(ProductionOutcome.Status.PRODUCED);
    assertThat(produced.block().orElseThrow().header().prefix().shardIndex())
        .isEqualTo(ShardIndex.BEACON);
    assertThat(chains.imported).containsExactly(produced.block().orElseThrow());

    assertThat(worker.offer(new Slot(5), pot, pot, solution, anyDistance).status())
        .isEqualTo(ProductionOutcome.Status.SLOT_TAKEN);
    assertThat(worker.offer(claim(leaf, 5)).status()).isEqualTo(ProductionOutcome.Status.PRODUCED);

    SlotRouting noDistance =
        new SlotRouting(MembershipEntropy.fromPotOutput(pot), SHARDS, new SolutionRange(0));
    assertThat(worker.offer(new Slot(6), pot, pot, solution, noDistance).status())
        .isEqualTo(ProductionOutcome.Status.NOT_IN_RANGE);

    var stranger = Drafts.solution(Drafts.key(9).publicKeyHash());
    ProductionOutcome refused = worker.offer(new Slot(7), pot, pot, stranger, anyDistance);
    assertThat(refused.status()).isEqualTo(ProductionOutcome.Status.SEAL_REFUSED);
    assertThat(chains.imported).hasSize(2);
  }

  @Test
  void aSealThatDoesNotSignTheBlockIsRefusedAndNothingIsImported() {
    SlotWorker worker =
        new SlotWorker(
            PARAMS,
            List.of(new LeafBlockProducer(builder, chains, chains, 100)),
            (publicKeyHash, preSealHash) -> Optional.of(farmer.seal(Hash.blake3(new byte[1]))),
            chains::importBlock,
            () -> now);
    ProductionOutcome outcome = worker.offer(claim(leaf, 4));
    assertThat(outcome.status()).isEqualTo(ProductionOutcome.Status.SEAL_REFUSED);
    assertThat(outcome.detail()).contains("seal.signature");
    assertThat(worker.offer(claim(intermediate, 4)).status())
        .isEqualTo(ProductionOutcome.Status.NO_PRODUCER);
    assertThat(chains.imported).isEmpty();
  }

  private Block produceAndImport(BlockProducer producer, ShardIndex shard, long slot) {
    now += 1000;
    BlockDraft draft = producer.produce(claim(shard, slot), now);
    Block block = sealBlock(draft);
    chains.importBlock(block);
    return block;
  }

  private SlotClaim claim(ShardIndex shard, long slot) {
    return new SlotClaim(
        new Slot(slot),
        Bytes.zeros(16),
        Bytes.zeros(16),
        shard,
        Drafts.solution(farmer.publicKeyHash()));
  }

  private BlockHeader seal(BlockDraft draft) {
    Seal seal = farmer.seal(draft.preSealHash());
    return draft.seal(seal).header();
  }

  private Block sealBlock(BlockDraft draft) {
    return draft.seal(farmer.seal(draft.preSealHash()));
  }
}
