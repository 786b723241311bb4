package dev.annals.primitives.testing;

import static dev.annals.primitives.testing.PrimitiveArbitraries.blockNumbers;
import static dev.annals.primitives.testing.PrimitiveArbitraries.bytes;
import static dev.annals.primitives.testing.PrimitiveArbitraries.hashes;
import static dev.annals.primitives.testing.PrimitiveArbitraries.intermediateShards;
import static dev.annals.primitives.testing.PrimitiveArbitraries.numShards;
import static dev.annals.primitives.testing.PrimitiveArbitraries.slots;
import static dev.annals.primitives.testing.PrimitiveArbitraries.solutions;
import static dev.annals.primitives.testing.PrimitiveArbitraries.u64;

import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.BlockHeaderResult;
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
import dev.annals.primitives.block.PotParametersChange;
import dev.annals.primitives.block.ProvenSegments;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitraries for block headers and bodies; headers are internally consistent (seal key hash). */
public final class BlockArbitraries {
  private BlockArbitraries() {}

  public static Arbitrary<BlockHeaderPrefix> prefixes(Arbitrary<ShardIndex> shards) {
    return Combinators.combine(blockNumbers(), shards, u64(), hashes(), hashes())
        .as(BlockHeaderPrefix::new);
  }

  public static Arbitrary<BlockHeaderResult> results() {
    return Combinators.combine(hashes(), hashes()).as(BlockHeaderResult::new);
  }

  public static Arbitrary<Seal> seals() {
    return Combinators.combine(bytes(Seal.PUBLIC_KEY_SIZE), bytes(Seal.SIGNATURE_SIZE))
        .as(Seal::new);
  }

  private record Sealed(Seal seal, ConsensusInfo consensusInfo) {}

  /** A seal and a consensus info whose solution carries the seal key's hash. */
  private static Arbitrary<Sealed> sealed(ProtocolParameters params) {
    return seals()
        .flatMap(
            seal ->
                Combinators.combine(
                        slots(),
                        bytes(16),
                        bytes(16),
                        solutions(params, Arbitraries.just(seal.publicKeyHash())))
                    .as(
                        (slot, pot, future, solution) ->
                            new Sealed(seal, new ConsensusInfo(slot, pot, future, solution))));
  }

  public static Arbitrary<ChildBlockRoots> childBlockRoots() {
    return hashes().list().ofMaxSize(5).map(ChildBlockRoots::new);
  }

  public static Arbitrary<ConsensusParameters> consensusParameters() {
    Arbitrary<Optional<PotParametersChange>> change =
        Combinators.combine(slots(), Arbitraries.longs().between(1, 0xFFFF_FFFFL), hashes())
            .as(PotParametersChange::new)
            .optional();
    Arbitrary<OptionalLong> next =
        u64().optional().map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty()));
    return Combinators.combine(
            u64(),
            Arbitraries.longs().between(1, 0xFFFF_FFFFL),
            numShards(),
            hashes().optional(),
            next,
            change)
        .as(ConsensusParameters::new);
  }

  public static Arbitrary<BeaconChainInfo> beaconChainInfos() {
    return Combinators.combine(blockNumbers(), hashes()).as(BeaconChainInfo::new);
  }

  public static Arbitrary<BeaconBlockHeader> beaconHeaders(ProtocolParameters params) {
    return Combinators.combine(
            prefixes(Arbitraries.just(ShardIndex.BEACON)),
            results(),
            sealed(params),
            childBlockRoots(),
            consensusParameters())
        .as((p, r, s, c, cp) -> new BeaconBlockHeader(p, r, s.consensusInfo(), c, cp, s.seal()));
  }

  public static Arbitrary<IntermediateBlockHeader> intermediateHeaders(
      ProtocolParameters params, Arbitrary<ShardIndex> shards) {
    return Combinators.combine(
            prefixes(shards), results(), sealed(params), beaconChainInfos(), childBlockRoots())
        .as(
            (p, r, s, b, c) ->
                new IntermediateBlockHeader(p, r, s.consensusInfo(), b, c, s.seal()));
  }

  public static Arbitrary<LeafBlockHeader> leafHeaders(
      ProtocolParameters params, Arbitrary<ShardIndex> shards) {
    return Combinators.combine(prefixes(shards), results(), sealed(params), beaconChainInfos())
        .as((p, r, s, b) -> new LeafBlockHeader(p, r, s.consensusInfo(), b, s.seal()));
  }

  public static Arbitrary<BlockHeader> headers(ProtocolParameters params) {
    return Arbitraries.oneOf(
        beaconHeaders(params),
        intermediateHeaders(params, intermediateShards()),
        leafHeaders(params, PrimitiveArbitraries.leafShards()));
  }

  public static Arbitrary<OwnSegments> ownSegments() {
    return Combinators.combine(
            PrimitiveArbitraries.u64().map(v -> new LocalSegmentIndex(v & Long.MAX_VALUE)),
            hashes().list().ofMinSize(1).ofMaxSize(4))
        .as(OwnSegments::new);
  }

  public static Arbitrary<LeafBlockBody> leafBodies() {
    return Combinators.combine(ownSegments().optional(), bytes(0, 40).list().ofMaxSize(4))
        .as(LeafBlockBody::new);
  }

  public static Arbitrary<IntermediateBlockBody> intermediateBodies(
      ProtocolParameters params, ShardIndex intermediate) {
    Arbitrary<LeafBlockInfo> leaves =
        Combinators.combine(
                leafHeaders(
                    params,
                    Arbitraries.integers()
                        .between(1, 1023)
                        .map(n -> ShardIndex.leaf(intermediate, n))),
                Combinators.combine(ownSegments(), hashes()).as(ProvenSegments::new).optional())
            .as(LeafBlockInfo::new);
    return Combinators.combine(ownSegments().optional(), leaves.list().ofMaxSize(2))
        .as(IntermediateBlockBody::new);
  }

  public static Arbitrary<IntermediateBlockInfo> intermediateBlockInfos(ProtocolParameters params) {
    return intermediateShards()
        .flatMap(
            shard ->
                Combinators.combine(
                        intermediateHeaders(params, Arbitraries.just(shard)),
                        hashes(),
                        ownSegments().optional(),
                        Combinators.combine(
                                Arbitraries.integers()
                                    .between(1, 1023)
                                    .map(n -> ShardIndex.leaf(shard, n)),
                                ownSegments())
                            .as(LeafSegments::new)
                            .list()
                            .ofMaxSize(3))
                    .as(
                        (header, proof, own, leaves) ->
                            new IntermediateBlockInfo(
                                header,
                                own.isPresent() || !leaves.isEmpty()
                                    ? Optional.of(proof)
                                    : Optional.empty(),
                                own,
                                leaves)));
  }

  public static Arbitrary<BeaconBlockBody> beaconBodies(ProtocolParameters params) {
    Arbitrary<PotCheckpoints> checkpoints =
        bytes(params.potCheckpoints() * ConsensusInfo.POT_OUTPUT_SIZE).map(PotCheckpoints::new);
    return Combinators.combine(
            ownSegments().optional(),
            intermediateBlockInfos(params).list().ofMaxSize(2),
            checkpoints.list().ofMaxSize(3))
        .as(BeaconBlockBody::new);
  }
}
