package dev.annals.primitives.block;

import static dev.annals.primitives.testing.DecodeAssertions.assertRejects;
import static dev.annals.primitives.testing.DecodeAssertions.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.testing.BlockArbitraries;
import dev.annals.primitives.testing.Fixtures;
import dev.annals.primitives.testing.PrimitiveArbitraries;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

class BlockHeaderCodecTest {
  private static final ProtocolParameters P = ProtocolParameters.PRODUCTION;

  @Provide
  Arbitrary<Tuple2<ProtocolParameters, BlockHeader>> headers() {
    return PrimitiveArbitraries.presets()
        .flatMap(p -> BlockArbitraries.headers(p).map(h -> Tuple.of(p, h)));
  }

  @Property(tries = 150)
  void roundTrips(@ForAll("headers") Tuple2<ProtocolParameters, BlockHeader> t) {
    ProtocolParameters params = t.get1();
    byte[] bytes = t.get2().encode(params);
    BlockHeader decoded = BlockHeader.decode(bytes, params);
    assertThat(decoded).isEqualTo(t.get2());
    assertThat(decoded.kind()).isEqualTo(t.get2().prefix().shardIndex().kind());
    assertThat(decoded.root(params)).isEqualTo(t.get2().root(params));
    assertThat(t.get2().preSealHash(params))
        .isEqualTo(Hash.blake3(Arrays.copyOf(bytes, bytes.length - Seal.SIZE)));
  }

  @Property(tries = 40)
  void consensusParametersRoundTrip(@ForAll("consensusParameters") ConsensusParameters parameters) {
    ByteWriter w = new ByteWriter(16);
    parameters.encodeTo(w);
    byte[] bytes = w.toByteArray();
    assertThat(bytes).hasSize(parameters.encodedSize());
    ByteReader r = new ByteReader(bytes);
    assertThat(ConsensusParameters.decodeFrom(r)).isEqualTo(parameters);
    r.expectEnd("consensus_parameters");
  }

  @Provide
  Arbitrary<ConsensusParameters> consensusParameters() {
    return BlockArbitraries.consensusParameters();
  }

  /** Part hashes over the exact byte ranges, root by an independent recursion. */
  @Test
  void leafBlockRootHashesTheEncodedParts() {
    for (ProtocolParameters params : ProtocolParameters.PRESETS) {
      LeafBlockHeader header = Fixtures.leafHeader(params);
      byte[] b = header.encode(params);
      int ci = params.consensusInfoSize();
      assertThat(b).hasSize(88 + 64 + ci + 40 + 97);
      List<Hash> parts =
          List.of(
              Hash.blake3(Arrays.copyOfRange(b, 0, 88)),
              Hash.blake3(Arrays.copyOfRange(b, 88, 152)),
              Hash.blake3(Arrays.copyOfRange(b, 152, 152 + ci)),
              Hash.blake3(Arrays.copyOfRange(b, b.length - 97, b.length)),
              Hash.blake3(Arrays.copyOfRange(b, 152 + ci, 152 + ci + 40)));
      Hash left =
          MerkleRoots.pair(
              MerkleRoots.pair(parts.get(0), parts.get(1)),
              MerkleRoots.pair(parts.get(2), parts.get(3)));
      assertThat(header.root(params)).isEqualTo(MerkleRoots.pair(left, parts.get(4)));
    }
  }

  @Test
  void beaconBlockRootOrder() {
    BeaconBlockHeader header = Fixtures.beaconHeader(P);
    byte[] b = header.encode(P);
    int ci = P.consensusInfoSize();
    int children = 152 + ci;
    int params = children + 4 + 64;
    Hash childRoot =
        MerkleRoots.pair(
            Hash.blake3(Fixtures.hash(60).toBytes()), Hash.blake3(Fixtures.hash(61).toBytes()));
    // consensus parameters hash: fixed fields and optional fields, flags byte skipped
    byte[] fixed = Arrays.copyOfRange(b, params, params + 16);
    byte[] optional = Arrays.copyOfRange(b, params + 17, b.length - 97);
    byte[] hashed = new byte[fixed.length + optional.length];
    System.arraycopy(fixed, 0, hashed, 0, 16);
    System.arraycopy(optional, 0, hashed, 16, optional.length);
    assertThat(optional).hasSize(32 + 8 + 44);
    List<Hash> parts =
        List.of(
            Hash.blake3(Arrays.copyOfRange(b, 0, 88)),
            Hash.blake3(Arrays.copyOfRange(b, 88, 152)),
            Hash.blake3(Arrays.copyOfRange(b, 152, 152 + ci)),
            Hash.blake3(Arrays.copyOfRange(b, b.length - 97, b.length)),
            childRoot,
            Hash.blake3(hashed));
    Hash left =
        MerkleRoots.pair(
            MerkleRoots.pair(parts.get(0), parts.get(1)),
            MerkleRoots.pair(parts.get(2), parts.get(3)));
    assertThat(header.root(P))
        .isEqualTo(MerkleRoots.pair(left, MerkleRoots.pair(parts.get(4), parts.get(5))));
  }

  @Test
  void rejectsMalformedBeaconHeader() {
    for (ProtocolParameters params : ProtocolParameters.PRESETS) {
      byte[] b = Fixtures.beaconHeader(params).encode(params);
      int ci = params.consensusInfoSize();
      int solutionEnd = 152 + ci;
      int children = solutionEnd;
      int cp = children + 4 + 64;
      assertRejects(() -> BlockHeader.decode(put(b, 12, 1, 1), params), "prefix.padding");
      assertRejects(() -> BlockHeader.decode(put(b, 8, 1 << 20, 4), params), "prefix.shard_index");
      assertRejects(() -> BlockHeader.decode(put(b, 8, 2048, 4), params), "prefix.shard_index");
      assertRejects(
          () -> BlockHeader.decode(put(b, solutionEnd - 2, 1, 1), params),
          "consensus_info.solution.padding");
      assertRejects(
          () -> BlockHeader.decode(put(b, children + 2, 1, 1), params),
          "child_shard_blocks.padding");
      assertRejects(
          () -> BlockHeader.decode(put(b, cp + 8, 0, 4), params),
          "consensus_parameters.slot_iterations");
      assertRejects(
          () -> BlockHeader.decode(put(b, cp + 12, 0, 2), params),
          "consensus_parameters.num_shards");
      assertRejects(
          () -> BlockHeader.decode(put(b, cp + 12, 1024, 2), params),
          "consensus_parameters.num_shards");
      assertRejects(
          () -> BlockHeader.decode(put(b, cp + 16, 0x0F, 1), params), "consensus_parameters.flags");
      assertRejects(
          () -> BlockHeader.decode(put(b, cp + 17 + 32 + 8 + 8, 0, 4), params),
          "consensus_parameters.pot_parameters_change.slot_iterations");
      assertRejects(() -> BlockHeader.decode(put(b, b.length - 97, 1, 1), params), "seal.type");
      assertRejects(
          () -> BlockHeader.decode(put(b, b.length - 96, 99, 1), params), "seal.public_key");
      assertRejects(
          () -> BlockHeader.decode(Arrays.copyOf(b, b.length - 1), params), "seal.signature");
      assertRejects(
          () -> BlockHeader.decode(Arrays.copyOf(b, b.length + 1), params), "block_header");
      assertRejects(() -> BlockHeader.decode(Arrays.copyOf(b, 50), params), "prefix.parent_root");
    }
  }

  @Test
  void rejectsMalformedShardHeaders() {
    for (ProtocolParameters params : ProtocolParameters.PRESETS) {
      byte[] leaf = Fixtures.leafHeader(params).encode(params);
      // a leaf header re-labelled as intermediate: the seal bytes are read as child block roots
      // (count 0x0700 from seal type 0 and key byte 7) and run out at the third root
      assertRejects(
          () -> BlockHeader.decode(put(leaf, 8, 1, 4), params), "child_shard_blocks.roots[2]");
      byte[] intermediate = Fixtures.intermediateHeader(params).encode(params);
      int children = 152 + params.consensusInfoSize() + 40;
      assertRejects(
          () -> BlockHeader.decode(put(intermediate, children + 3, 1, 1), params),
          "child_shard_blocks.padding");
      assertRejects(
          () -> BlockHeader.decode(put(intermediate, children, 5, 2), params),
          "child_shard_blocks.roots[4]");
    }
  }

  @Test
  void constructorsCheckShardKind() {
    LeafBlockHeader leaf = Fixtures.leafHeader(P);
    assertThatThrownBy(
            () ->
                new LeafBlockHeader(
                    Fixtures.prefix(ShardIndex.intermediate(1)),
                    leaf.result(),
                    leaf.consensusInfo(),
                    leaf.beaconChainInfo(),
                    leaf.seal()))
        .hasMessageContaining("prefix.shard_index")
        .hasMessageContaining("INTERMEDIATE");
    assertThatThrownBy(() -> Fixtures.prefix(new ShardIndex(1024))).hasMessageContaining("phantom");
  }

  @Test
  void productionPrefixAndSealSizes() {
    assertThat(BlockHeaderPrefix.SIZE).isEqualTo(88);
    assertThat(BlockHeaderResult.SIZE).isEqualTo(64);
    assertThat(Seal.SIZE).isEqualTo(97);
    byte[] leaf = Fixtures.leafHeader(P).encode(P);
    assertThat(leaf).hasSize(88 + 64 + 2480 + 40 + 97);
  }
}
