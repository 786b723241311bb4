package dev.annals.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.blockproducer.BlockBasics;
import dev.annals.blockproducer.BlockBuilder;
import dev.annals.blockproducer.BlockDraft;
import dev.annals.blockproducer.ChainTip;
import dev.annals.blockproducer.SlotClaim;
import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.block.ChildBlockInfos;
import dev.annals.consensus.block.StateRoots;
import dev.annals.node.chain.ImportResult.Status;
import dev.annals.node.storage.ColumnFamily;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks that break one rule each, built like the producers build them and sealed by the farmer:
 * the importer rejects each with that rule and the database's contents (every column family) do not
 * change; the untouched block of the same claim then imports.
 */
class ImportRejectionTest {
  private static final long SLOT = 11;

  @TempDir Path dir;
  private TestNetwork network;
  private ImportTestNode node;
  private ProtocolParameters params;
  private final ShardIndex leaf = TestNetwork.leaves().getFirst();
  private final ShardIndex intermediate = leaf.parent();

  @BeforeEach
  void runTenSlots() {
    network = new TestNetwork(dir);
    node = network.node("a");
    params = node.params;
    for (long slot = 1; slot < SLOT; slot++) {
      network.slot(node, slot);
    }
  }

  @AfterEach
  void close() {
    node.close();
  }

  private void assertRejected(Block block, BlockRule rule) {
    Map<ColumnFamily, String> before = TestNetwork.contents(node);
    ImportResult result = node.importBlock(block);
    assertThat(result.status()).as(result.toString()).isEqualTo(Status.REJECTED);
    assertThat(result.rule()).as(result.toString()).contains(rule);
    assertThat(TestNetwork.contents(node)).isEqualTo(before);
    assertThat(node.importer.pendingCount()).isZero();
  }

  /** {@code header} with its seal made again by its solution's farmer. */
  private Block resealed(BlockHeader header, BlockBody body) {
    Seal seal =
        node.farmers
            .byKeyHash(header.consensusInfo().solution().publicKeyHash())
            .orElseThrow()
            .key()
            .seal(header.preSealHash(params));
    return new Block(withSeal(header, seal), body);
  }

  private static BlockHeader withSeal(BlockHeader header, Seal seal) {
    return switch (header) {
      case BeaconBlockHeader h ->
          new BeaconBlockHeader(
              h.prefix(),
              h.result(),
              h.consensusInfo(),
              h.childShardBlocks(),
              h.consensusParameters(),
              seal);
      case IntermediateBlockHeader h ->
          new IntermediateBlockHeader(
              h.prefix(),
              h.result(),
              h.consensusInfo(),
              h.beaconChainInfo(),
              h.childShardBlocks(),
              seal);
      case LeafBlockHeader h ->
          new LeafBlockHeader(h.prefix(), h.result(), h.consensusInfo(), h.beaconChainInfo(), seal);
    };
  }

  private Block leafWithPrefix(Function<BlockHeaderPrefix, BlockHeaderPrefix> change) {
    BlockDraft draft = node.draft(node.claim(leaf, SLOT, 0));
    LeafBlockHeader h = (LeafBlockHeader) draft.unsealedHeader();
    return resealed(
        new LeafBlockHeader(
            change.apply(h.prefix()), h.result(), h.consensusInfo(), h.beaconChainInfo(), h.seal()),
        draft.body());
  }

  @Test
  void headerRulesOfALeafBlock() {
    assertRejected(
        leafWithPrefix(
            p ->
                new BlockHeaderPrefix(
                    p.number(), p.shardIndex(), p.timestampMillis(), p.parentRoot(), Hash.ZERO)),
        BlockRule.MMR_ROOT_MISMATCH);
    long parentTime =
        node.storage.header(node.best(leaf).root()).orElseThrow().prefix().timestampMillis();
    assertRejected(
        leafWithPrefix(
            p ->
                new BlockHeaderPrefix(
                    p.number(), p.shardIndex(), parentTime, p.parentRoot(), p.mmrRoot())),
        BlockRule.TIMESTAMP_NOT_AFTER_PARENT);

    Block valid = node.seal(node.draft(node.claim(leaf, SLOT, 0)));
    Seal real = valid.header().seal();
    Seal otherSignature =
        node.farmers
            .byKeyHash(valid.header().consensusInfo().solution().publicKeyHash())
            .orElseThrow()
            .key()
            .seal(Hash.blake3("another block".getBytes(StandardCharsets.US_ASCII)));
    assertRejected(
        new Block(
            withSeal(valid.header(), new Seal(real.publicKey(), otherSignature.signature())),
            valid.body()),
        BlockRule.SEAL_INVALID);

    // The proof of time of the slot before.
    SlotClaim claim = node.claim(leaf, SLOT, 0);
    SlotClaim wrongPot =
        new SlotClaim(
            claim.slot(),
            node.chain.pot().output(new Slot(SLOT - 1)).orElseThrow(),
            claim.futureProofOfTime(),
            claim.shard(),
            claim.solution());
    assertRejected(node.seal(node.draft(wrongPot)), BlockRule.PROOF_OF_TIME_MISMATCH);

    // A farmer assigned to another leaf shard.
    ShardIndex other = TestNetwork.leaves().getLast();
    SlotClaim otherFarmer = node.claim(other, SLOT, 0);
    assertRejected(
        node.seal(
            node.draft(
                new SlotClaim(
                    claim.slot(),
                    claim.proofOfTime(),
                    claim.futureProofOfTime(),
                    leaf,
                    otherFarmer.solution()))),
        BlockRule.SOLUTION_SHARD_MEMBERSHIP);

    TestNetwork.assertImportedBest(node.importBlock(valid));
  }

  @Test
  void ownSegmentsThatTheArchiverDidNotProduce() {
    SlotClaim claim = node.claim(leaf, SLOT, 0);
    ChainTip tip = node.source.tip(leaf);
    LeafBlockBody body =
        new LeafBlockBody(
            Optional.of(
                new OwnSegments(
                    new LocalSegmentIndex(99),
                    List.of(Hash.blake3("no such segment".getBytes(StandardCharsets.US_ASCII))))),
            List.of(Bytes.wrap(new byte[] {1, 2, 3})));
    BlockBasics basics =
        BlockBasics.next(
            tip,
            claim,
            StateRoots.after(tip.header().result().stateRoot(), body),
            node.timestampFor(SLOT));
    BlockDraft draft = new BlockBuilder(params).leaf(basics, node.source.beaconChainInfo(), body);
    assertRejected(node.seal(draft), BlockRule.OWN_SEGMENTS_MISMATCH);
    TestNetwork.assertImportedBest(node.importBlock(node.seal(node.draft(claim))));
  }

  @Test
  void beaconParametersAndProofOfTime() {
    SlotClaim claim = node.claim(ShardIndex.BEACON, SLOT, 0);
    BlockDraft draft = node.draft(claim);
    BeaconBlockHeader h = (BeaconBlockHeader) draft.unsealedHeader();
    ConsensusParameters p = h.consensusParameters();
    ConsensusParameters wrongRange =
        new ConsensusParameters(
            p.solutionRange() + 1,
            p.slotIterations(),
            p.numShards(),
            p.superSegmentRoot(),
            p.nextSolutionRange(),
            p.potParametersChange());
    assertRejected(
        resealed(
            new BeaconBlockHeader(
                h.prefix(),
                h.result(),
                h.consensusInfo(),
                h.childShardBlocks(),
                wrongRange,
                h.seal()),
            draft.body()),
        BlockRule.CONSENSUS_PARAMETERS_MISMATCH);

    // One checkpoint byte flipped, body and header rebuilt to match.
    BeaconBlockBody body = (BeaconBlockBody) draft.body();
    List<PotCheckpoints> checkpoints = new ArrayList<>(body.potCheckpoints());
    byte[] first = checkpoints.getFirst().outputs().toBytes();
    first[0] ^= 1;
    checkpoints.set(0, new PotCheckpoints(Bytes.wrap(first)));
    BeaconBlockBody broken =
        new BeaconBlockBody(body.ownSegments(), body.intermediateBlocks(), checkpoints);
    BlockBasics basics =
        new BlockBasics(
            h.prefix().number(),
            h.prefix().shardIndex(),
            h.prefix().timestampMillis(),
            h.prefix().parentRoot(),
            h.prefix().mmrRoot(),
            h.result().stateRoot(),
            h.consensusInfo());
    assertRejected(
        node.seal(new BlockBuilder(params).beacon(basics, p, broken)),
        BlockRule.POT_CHECKPOINTS_INVALID);

    TestNetwork.assertImportedBest(node.importBlock(node.seal(draft)));
  }

  @Test
  void anIntermediateBlockRepeatingAnIncludedLeafBlock() {
    SlotClaim claim = node.claim(intermediate, SLOT, 0);
    BlockDraft draft = node.draft(claim);
    IntermediateBlockBody body = (IntermediateBlockBody) draft.body();
    assertThat(body.leafBlocks()).isEmpty();
    // The leaf shard's best block was included by the intermediate tip already.
    Block included = node.block(node.best(leaf).root());
    IntermediateBlockBody repeat =
        new IntermediateBlockBody(
            body.ownSegments(),
            List.of(
                ChildBlockInfos.leaf(
                    (LeafBlockHeader) included.header(), (LeafBlockBody) included.body())));
    ChainTip tip = node.source.tip(intermediate);
    BlockBasics basics =
        BlockBasics.next(
            tip,
            claim,
            StateRoots.after(tip.header().result().stateRoot(), repeat),
            node.timestampFor(SLOT));
    assertRejected(
        node.seal(
            new BlockBuilder(params)
                .intermediate(
                    basics,
                    ((IntermediateBlockHeader) draft.unsealedHeader()).beaconChainInfo(),
                    repeat)),
        BlockRule.CHILD_GAP_OR_REPEAT);
    TestNetwork.assertImportedBest(node.importBlock(node.seal(draft)));
  }
}
