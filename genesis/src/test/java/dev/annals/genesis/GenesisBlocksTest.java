package dev.annals.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenesisBlocksTest {
  private final ChainSpec devnet = ChainSpecs.builtIn("devnet");
  private final ProtocolParameters params = devnet.parameters();
  private final GenesisBlocks genesis = new GenesisBlocks(devnet);

  @Test
  void everyShardOfTheSpecHasAGenesisAtNumberZero() {
    List<GenesisBlock> all = genesis.all();
    assertThat(all).hasSize(1 + 2 + 4);
    assertThat(all.getFirst().header().kind()).isEqualTo(ShardKind.BEACON);
    Set<Hash> roots = new HashSet<>();
    for (GenesisBlock block : all) {
      BlockHeader h = block.header();
      assertThat(h.prefix().number()).isEqualTo(BlockNumber.ZERO);
      assertThat(h.prefix().parentRoot()).isEqualTo(Hash.ZERO);
      assertThat(h.prefix().timestampMillis()).isEqualTo(devnet.genesisTimestampMillis());
      assertThat(block.root()).isEqualTo(h.root(params));
      assertThat(h.result().bodyRoot()).isEqualTo(block.body().root(params));
      assertThat(h.result().stateRoot())
          .isEqualTo(GenesisBlocks.stateRoot(devnet, h.prefix().shardIndex()));
      // The codecs accept what genesis builds.
      assertThat(BlockHeader.decode(h.encode(params), params)).isEqualTo(h);
      assertThat(BlockBody.decode(block.body().encode(params), h.kind(), params))
          .isEqualTo(block.body());
      roots.add(block.root());
    }
    assertThat(roots).hasSize(all.size());
    Hash beaconRoot = genesis.beacon().root();
    for (ShardIndex shard : params.numShards().intermediateShardIndices()) {
      IntermediateBlockHeader h = (IntermediateBlockHeader) genesis.of(shard).header();
      assertThat(h.beaconChainInfo().root()).isEqualTo(beaconRoot);
      assertThat(h.childShardBlocks().roots()).isEmpty();
    }
    for (ShardIndex shard : params.numShards().leafShardIndices()) {
      LeafBlockHeader h = (LeafBlockHeader) genesis.of(shard).header();
      assertThat(h.beaconChainInfo().root()).isEqualTo(beaconRoot);
    }
    BeaconBlockHeader beacon = (BeaconBlockHeader) genesis.beacon().header();
    assertThat(beacon.consensusParameters().solutionRange())
        .isEqualTo(devnet.initialSolutionRange());
    assertThat(beacon.consensusParameters().slotIterations()).isEqualTo(devnet.slotIterations());
    assertThat(beacon.consensusParameters().numShards()).isEqualTo(devnet.numShards());
    assertThatThrownBy(() -> genesis.of(ShardIndex.intermediate(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not part of chain devnet (value 3)");
  }

  @Test
  void anotherSpecGivesAnotherGenesis() {
    GenesisBlocks dev = new GenesisBlocks(ChainSpecs.builtIn("dev"));
    assertThat(dev.all()).hasSize(1 + 1 + 2);
    assertThat(dev.beacon().root()).isNotEqualTo(genesis.beacon().root());
  }

  @Test
  void beaconArchiverBytesFillExactlyOneSegmentWithKeystreamAfterTheBlock() {
    byte[] bytes = genesis.beaconArchiverBytes();
    int segmentSize = Math.toIntExact(params.segmentSize());
    assertThat(bytes).hasSize(segmentSize);
    GenesisBlock beacon = genesis.beacon();
    byte[] header = beacon.header().encode(params);
    byte[] body = beacon.body().encode(params);
    assertThat(LittleEndian.getInt(bytes, 0)).isEqualTo(header.length);
    assertThat(LittleEndian.getInt(bytes, 4)).isEqualTo(body.length);
    assertThat(Arrays.copyOfRange(bytes, 8, 8 + header.length)).isEqualTo(header);
    int end = 8 + header.length + body.length;
    assertThat(Arrays.copyOfRange(bytes, 8 + header.length, end)).isEqualTo(body);
    byte[] keystream =
        Kernels.chacha8()
            .keystream(beacon.header().result().stateRoot().toBytes(), segmentSize - end);
    assertThat(Arrays.copyOfRange(bytes, end, segmentSize)).isEqualTo(keystream);
    assertThat(new Block(beacon.header(), beacon.body()).archiverBytes(params))
        .isEqualTo(Arrays.copyOf(bytes, end));
  }

  @Test
  void archivingTheBeaconGenesisYieldsSegmentZeroAndSpillsFiveBytes() {
    SegmentArchiver archiver = SegmentArchiver.create(params, ShardIndex.BEACON, null);
    List<ArchivedSegment> segments = archiver.addBlock(genesis.beaconArchiverBytes());
    assertThat(segments).hasSize(1);
    ArchivedSegment zero = segments.getFirst();
    assertThat(zero.header().index().value()).isZero();
    assertThat(zero.header().previousHeaderHash()).isEqualTo(Hash.ZERO);
    assertThat(zero.header().lastArchivedBlock().number()).isEqualTo(BlockNumber.ZERO);
    assertThat(zero.header().lastArchivedBlock().archivedBytes())
        .isEqualTo(params.segmentSize() - 5);
    assertThat(zero.pieces()).hasSize(params.piecesPerSegment());
    // Deterministic: another build of the same spec archives to the same segment root.
    List<ArchivedSegment> again =
        SegmentArchiver.create(params, ShardIndex.BEACON, null)
            .addBlock(new GenesisBlocks(devnet).beaconArchiverBytes());
    assertThat(again.getFirst().header()).isEqualTo(zero.header());
  }
}
