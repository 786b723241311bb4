package dev.annals.blockproducer;

import static dev.annals.blockproducer.Drafts.PARAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.consensus.seal.SealVerifier;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.IntermediateBlockInfo;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.block.Seal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BlockBuilderTest {
  private final BlockBuilder builder = new BlockBuilder(PARAMS);
  private final SealingKey farmer = Drafts.key(1);
  private final ShardIndex intermediateShard = ShardIndex.intermediate(1);
  private final ShardIndex leafShard = ShardIndex.leaf(intermediateShard, 1);
  private final BeaconChainInfo beaconInfo = new BeaconChainInfo(new BlockNumber(7), Hash.ZERO);

  @Test
  void aLeafBlockSealsAndItsHeaderRoundTripsThroughTheDecoder() {
    LeafBlockBody body =
        new LeafBlockBody(
            Optional.of(new OwnSegments(LocalSegmentIndex.ZERO, List.of(Hash.blake3(new byte[3])))),
            List.of(Bytes.wrap(new byte[] {1, 2, 3})));
    BlockDraft draft = builder.leaf(Drafts.basics(leafShard, 5, farmer), beaconInfo, body);
    Block block = draft.seal(farmer.seal(draft.preSealHash()));

    assertThat(block.header()).isInstanceOf(LeafBlockHeader.class);
    assertThat(block.header().result().bodyRoot()).isEqualTo(body.root(PARAMS));
    assertThat(block.header().preSealHash(PARAMS)).isEqualTo(draft.preSealHash());
    assertThat(SealVerifier.verify(block.header().seal(), draft.preSealHash())).isTrue();
    byte[] bytes = block.header().encode(PARAMS);
    assertThat(BlockHeader.decode(bytes, PARAMS)).isEqualTo(block.header());
  }

  @Test
  void parentHeadersListTheirChildrensRootsInBodyOrder() {
    Block leafA = sealedLeaf(3);
    Block leafB = sealedLeaf(4);
    IntermediateBlockBody intermediateBody =
        new IntermediateBlockBody(
            Optional.empty(),
            List.of(
                new LeafBlockInfo((LeafBlockHeader) leafA.header(), Optional.empty()),
                new LeafBlockInfo((LeafBlockHeader) leafB.header(), Optional.empty())));
    BlockDraft intermediateDraft =
        builder.intermediate(
            Drafts.basics(intermediateShard, 9, farmer), beaconInfo, intermediateBody);
    Block intermediate = intermediateDraft.seal(farmer.seal(intermediateDraft.preSealHash()));
    assertThat(((IntermediateBlockHeader) intermediate.header()).childShardBlocks().roots())
        .containsExactly(leafA.header().root(PARAMS), leafB.header().root(PARAMS));

    BeaconBlockBody beaconBody =
        new BeaconBlockBody(
            Optional.empty(),
            List.of(
                new IntermediateBlockInfo(
                    (IntermediateBlockHeader) intermediate.header(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of())),
            List.of(new PotCheckpoints(Bytes.zeros(16 * PARAMS.potCheckpoints()))));
    ConsensusParameters parameters =
        new ConsensusParameters(
            1 << 20,
            PARAMS.slotIterations(),
            new NumShards(1, 1),
            Optional.empty(),
            OptionalLong.empty(),
            Optional.empty());
    BlockDraft beaconDraft =
        builder.beacon(Drafts.basics(ShardIndex.BEACON, 11, farmer), parameters, beaconBody);
    Block beacon = beaconDraft.seal(farmer.seal(beaconDraft.preSealHash()));
    BeaconBlockHeader header = (BeaconBlockHeader) beacon.header();
    assertThat(header.childShardBlocks().roots())
        .containsExactly(intermediate.header().root(PARAMS));
    assertThat(header.result().bodyRoot()).isEqualTo(beaconBody.root(PARAMS));
    assertThat(Block.fromArchiverBytes(beacon.archiverBytes(PARAMS), PARAMS).header())
        .isEqualTo(header);
  }

  @Test
  void aSealFromAnotherKeyOrOverOtherBytesIsRefusedByName() {
    BlockDraft draft =
        builder.leaf(
            Drafts.basics(leafShard, 2, farmer),
            beaconInfo,
            new LeafBlockBody(Optional.empty(), List.of()));
    SealingKey stranger = Drafts.key(2);
    assertThatThrownBy(() -> draft.seal(stranger.seal(draft.preSealHash())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seal.public_key");
    Seal overOtherBytes = farmer.seal(Hash.blake3(new byte[] {9}));
    assertThatThrownBy(() -> draft.seal(overOtherBytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seal.signature");
  }

  @Test
  void basicsOfAnotherShardKindAreRefused() {
    assertThatThrownBy(
            () ->
                builder.leaf(
                    Drafts.basics(intermediateShard, 2, farmer),
                    beaconInfo,
                    new LeafBlockBody(Optional.empty(), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block basics.shard")
        .hasMessageContaining("LEAF");
  }

  @Test
  void timestampsAlwaysMoveForward() {
    assertThat(BlockBasics.timestampAfter(1_000, 5_000)).isEqualTo(5_000);
    assertThat(BlockBasics.timestampAfter(9_000, 5_000)).isEqualTo(9_001);
  }

  private Block sealedLeaf(long number) {
    LeafBlockBody body =
        new LeafBlockBody(Optional.empty(), List.of(Bytes.wrap(new byte[] {(byte) number})));
    BlockDraft draft = builder.leaf(Drafts.basics(leafShard, number, farmer), beaconInfo, body);
    return draft.seal(farmer.seal(draft.preSealHash()));
  }
}
