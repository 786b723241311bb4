package dev.annals.primitives.block;

import static dev.annals.primitives.testing.DecodeAssertions.assertRejects;
import static dev.annals.primitives.testing.DecodeAssertions.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.testing.BlockArbitraries;
import dev.annals.primitives.testing.Fixtures;
import dev.annals.primitives.testing.PrimitiveArbitraries;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

class BlockBodyCodecTest {
  private static final ProtocolParameters D = ProtocolParameters.DEV;

  @Provide
  Arbitrary<LeafBlockBody> leafBodies() {
    return BlockArbitraries.leafBodies();
  }

  @Provide
  Arbitrary<Tuple2<ProtocolParameters, IntermediateBlockBody>> intermediateBodies() {
    return PrimitiveArbitraries.presets()
        .flatMap(
            p ->
                BlockArbitraries.intermediateBodies(p, ShardIndex.intermediate(3))
                    .map(b -> Tuple.of(p, b)));
  }

  @Provide
  Arbitrary<Tuple2<ProtocolParameters, BeaconBlockBody>> beaconBodies() {
    return PrimitiveArbitraries.presets()
        .flatMap(p -> BlockArbitraries.beaconBodies(p).map(b -> Tuple.of(p, b)));
  }

  @Property(tries = 100)
  void leafBodyRoundTrips(@ForAll("leafBodies") LeafBlockBody body) {
    byte[] bytes = body.encode(D);
    assertThat(BlockBody.decode(bytes, ShardKind.LEAF, D)).isEqualTo(body);
  }

  @Property(tries = 40)
  void intermediateBodyRoundTrips(
      @ForAll("intermediateBodies") Tuple2<ProtocolParameters, IntermediateBlockBody> t) {
    byte[] bytes = t.get2().encode(t.get1());
    IntermediateBlockBody decoded = IntermediateBlockBody.decode(bytes, t.get1());
    assertThat(decoded).isEqualTo(t.get2());
    assertThat(decoded.root(t.get1())).isEqualTo(t.get2().root(t.get1()));
  }

  @Property(tries = 30)
  void beaconBodyRoundTrips(@ForAll("beaconBodies") Tuple2<ProtocolParameters, BeaconBlockBody> t) {
    byte[] bytes = t.get2().encode(t.get1());
    assertThat(BeaconBlockBody.decode(bytes, t.get1())).isEqualTo(t.get2());
  }

  @Test
  void leafBodyLayoutAndRoot() {
    OwnSegments own =
        new OwnSegments(new LocalSegmentIndex(7), List.of(Fixtures.hash(1), Fixtures.hash(2)));
    Bytes tx = Bytes.of(new byte[] {1, 2, 3});
    LeafBlockBody body = new LeafBlockBody(Optional.of(own), List.of(tx));
    byte[] bytes = body.encode(D);
    assertThat(bytes).hasSize(1 + 8 + 64 + 4 + 4 + 3);
    assertThat(bytes[0]).isEqualTo((byte) 2);
    assertThat(LittleEndian.getLong(bytes, 1)).isEqualTo(7);
    // root recomputed from its definition
    byte[] index = new byte[8];
    LittleEndian.putLong(index, 0, 7);
    Hash segmentsRoot =
        MerkleRoots.pair(
            Hash.blake3(Fixtures.hash(1).toBytes()), Hash.blake3(Fixtures.hash(2).toBytes()));
    Hash ownRoot = MerkleRoots.pair(Hash.blake3(index), segmentsRoot);
    Hash txRoot = Hash.blake3(Hash.blake3(new byte[] {1, 2, 3}).toBytes());
    assertThat(body.root(D)).isEqualTo(MerkleRoots.pair(ownRoot, txRoot));
  }

  @Test
  void leafBodyRejectsMalformed() {
    LeafBlockBody body = new LeafBlockBody(Optional.empty(), List.of(Bytes.of(new byte[] {9, 9})));
    byte[] bytes = body.encode(D);
    assertRejects(() -> LeafBlockBody.decode(put(bytes, 1, 2, 4)), "transactions.count");
    assertRejects(() -> LeafBlockBody.decode(put(bytes, 5, 3, 4)), "transactions[0].length");
    assertRejects(() -> LeafBlockBody.decode(Arrays.copyOf(bytes, bytes.length + 1)), "leaf_body");
    assertRejects(() -> LeafBlockBody.decode(put(bytes, 0, 1, 1)), "own_segments.segment_roots[0]");
    assertRejects(() -> LeafBlockBody.decode(new byte[0]), "own_segments.count");
  }

  @Test
  void intermediateBodyRejectsForeignChildren() {
    IntermediateBlockBody body =
        new IntermediateBlockBody(
            Optional.empty(), List.of(new LeafBlockInfo(Fixtures.leafHeader(D), Optional.empty())));
    byte[] bytes = body.encode(D);
    // the leaf header's shard index sits at body offset 1 + 2 + 8
    assertRejects(
        () -> IntermediateBlockBody.decode(put(bytes, 11, 1, 4), D),
        "leaf_blocks[0].header.child_shard_blocks.roots[2]");
    assertRejects(
        () -> IntermediateBlockBody.decode(put(bytes, 1, 2, 2), D),
        "leaf_blocks[1].header.prefix.number");
    assertRejects(
        () -> IntermediateBlockBody.decode(put(bytes, 11 + 4, 1, 1), D),
        "leaf_blocks[0].header.prefix.padding");
  }

  @Test
  void beaconBodyRejectsMalformed() {
    IntermediateBlockHeader header = Fixtures.intermediateHeader(D);
    ShardIndex foreignLeaf = ShardIndex.leaf(ShardIndex.intermediate(2), 1);
    assertThatThrownBy(
            () ->
                new IntermediateBlockInfo(
                    header,
                    Optional.of(Hash.ZERO),
                    Optional.empty(),
                    List.of(
                        new LeafSegments(
                            foreignLeaf,
                            new OwnSegments(LocalSegmentIndex.ZERO, List.of(Hash.ZERO))))))
        .hasMessageContaining("not a child");
    ShardIndex ownLeaf = ShardIndex.leaf(ShardIndex.intermediate(1), 2);
    IntermediateBlockInfo info =
        new IntermediateBlockInfo(
            header,
            Optional.of(Fixtures.hash(5)),
            Optional.empty(),
            List.of(
                new LeafSegments(
                    ownLeaf, new OwnSegments(LocalSegmentIndex.ZERO, List.of(Fixtures.hash(6))))));
    BeaconBlockBody body =
        new BeaconBlockBody(
            Optional.empty(), List.of(info), List.of(new PotCheckpoints(Bytes.zeros(128))));
    byte[] bytes = body.encode(D);
    assertThat(BeaconBlockBody.decode(bytes, D)).isEqualTo(body);
    int headerEnd = 4 + 1 + 2 + header.encode(D).length;
    // own count, leaf count, proof (32), then the leaf entry's shard index
    int leafShard = headerEnd + 2 + 32;
    assertRejects(
        () -> BeaconBlockBody.decode(put(bytes, leafShard, foreignLeaf.value(), 4), D),
        "intermediate_blocks[0].leaf_segments[0].shard_index");
    assertRejects(
        () -> BeaconBlockBody.decode(put(bytes, leafShard + 4, 0, 1), D),
        "intermediate_blocks[0].leaf_segments[0].count");
    assertRejects(() -> BeaconBlockBody.decode(put(bytes, 0, 2, 4), D), "pot_checkpoints[1]");
    assertRejects(
        () -> BeaconBlockBody.decode(put(bytes, 0, 0x7FFF_FFFF, 4), D), "pot_checkpoints.count");
    assertRejects(
        () -> BeaconBlockBody.decode(Arrays.copyOf(bytes, bytes.length - 1), D),
        "pot_checkpoints[0]");
  }
}
