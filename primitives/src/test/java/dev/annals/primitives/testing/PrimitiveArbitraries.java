package dev.annals.primitives.testing;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitraries for every primitive value type, shared by the codec property tests. */
public final class PrimitiveArbitraries {
  private PrimitiveArbitraries() {}

  public static Arbitrary<ProtocolParameters> presets() {
    return Arbitraries.of(ProtocolParameters.PRESETS);
  }

  public static Arbitrary<Bytes> bytes(int length) {
    return Arbitraries.bytes().array(byte[].class).ofSize(length).map(Bytes::wrap);
  }

  public static Arbitrary<Bytes> bytes(int min, int max) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(Bytes::wrap);
  }

  public static Arbitrary<Hash> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).map(Hash::wrap);
  }

  public static Arbitrary<Hash> nonZeroHashes() {
    return hashes().filter(h -> !h.isZero());
  }

  /** Any u64, with the edges (0, 2^63 − 1, 2^63, 2^64 − 1) likely. */
  public static Arbitrary<Long> u64() {
    return Arbitraries.oneOf(
        Arbitraries.longs(), Arbitraries.of(0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L));
  }

  public static Arbitrary<Long> u32() {
    return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
  }

  public static Arbitrary<BlockNumber> blockNumbers() {
    return u64().map(BlockNumber::new);
  }

  public static Arbitrary<Slot> slots() {
    return u64().map(Slot::new);
  }

  public static Arbitrary<LocalSegmentIndex> localSegmentIndices() {
    return u64().map(LocalSegmentIndex::new);
  }

  public static Arbitrary<SuperSegmentIndex> superSegmentIndices() {
    return u64().map(SuperSegmentIndex::new);
  }

  public static Arbitrary<HistorySize> historySizes() {
    return u64().filter(v -> v != 0).map(HistorySize::new);
  }

  public static Arbitrary<SegmentPosition> segmentPositions() {
    return Arbitraries.integers()
        .between(0, SegmentPosition.MAX_SEGMENTS_PER_SUPER_SEGMENT - 1)
        .map(SegmentPosition::new);
  }

  public static Arbitrary<NumShards> numShards() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 1023), Arbitraries.integers().between(1, 1023))
        .as(NumShards::new);
  }

  public static Arbitrary<ShardIndex> intermediateShards() {
    return Arbitraries.integers().between(1, 1023).map(ShardIndex::intermediate);
  }

  public static Arbitrary<ShardIndex> leafShards() {
    return Combinators.combine(intermediateShards(), Arbitraries.integers().between(1, 1023))
        .as(ShardIndex::leaf);
  }

  public static Arbitrary<ShardIndex> realShards() {
    return Arbitraries.oneOf(
        Arbitraries.just(ShardIndex.BEACON), intermediateShards(), leafShards());
  }

  public static Arbitrary<List<Hash>> proofs(int count) {
    return hashes().list().ofSize(count);
  }

  /** Real hashes first, zero tail: any split point. */
  public static Arbitrary<List<Hash>> segmentProofs(int count) {
    return Combinators.combine(
            nonZeroHashes().list().ofSize(count), Arbitraries.integers().between(0, count))
        .as(
            (hashes, real) -> {
              List<Hash> out = new ArrayList<>(hashes.subList(0, real));
              while (out.size() < count) {
                out.add(Hash.ZERO);
              }
              return out;
            });
  }

  public static Arbitrary<LastArchivedBlock> lastArchivedBlocks() {
    return Combinators.combine(blockNumbers(), u32()).as(LastArchivedBlock::new);
  }

  public static Arbitrary<SegmentHeader> segmentHeaders() {
    return Combinators.combine(localSegmentIndices(), hashes(), hashes(), lastArchivedBlocks())
        .as(SegmentHeader::new);
  }

  public static Arbitrary<SuperSegmentHeader> superSegmentHeaders() {
    return Combinators.combine(
            superSegmentIndices(),
            hashes(),
            hashes(),
            u64(),
            blockNumbers(),
            Arbitraries.integers().between(1, SegmentPosition.MAX_SEGMENTS_PER_SUPER_SEGMENT))
        .as(
            (index, root, previous, max, target, count) -> {
              // count − 1 must not exceed max (unsigned)
              long safeMax = Long.compareUnsigned(max, count - 1) < 0 ? count - 1 : max;
              return new SuperSegmentHeader(
                  index, root, previous, new GlobalSegmentIndex(safeMax), target, count);
            });
  }

  public static Arbitrary<PieceHeader> pieceHeaders(ProtocolParameters params) {
    return Combinators.combine(
            realShards(),
            localSegmentIndices(),
            superSegmentIndices(),
            segmentPositions(),
            hashes(),
            segmentProofs(params.segmentProofHashes()),
            hashes(),
            proofs(params.recordProofHashes()))
        .as(PieceHeader::new);
  }

  public static Arbitrary<ShardCommitment> shardCommitments(ProtocolParameters params) {
    return Combinators.combine(hashes(), proofs(params.shardCommitmentProofHashes()), hashes())
        .as(ShardCommitment::new);
  }

  private record Proved(
      Hash segmentRoot,
      List<Hash> segmentProof,
      Hash recordRoot,
      List<Hash> recordProof,
      Hash chunk,
      List<Hash> chunkProof,
      Bytes proofOfSpace) {}

  private record Located(
      HistorySize historySize,
      SectorIndex sectorIndex,
      PieceOffset pieceOffset,
      SegmentPosition segmentPosition,
      ShardIndex pieceShardIndex) {}

  /** Solutions whose public key hash is {@code publicKeyHash}. */
  public static Arbitrary<Solution> solutions(
      ProtocolParameters params, Arbitrary<Hash> publicKeyHash) {
    Arbitrary<Proved> proved =
        Combinators.combine(
                hashes(),
                segmentProofs(params.segmentProofHashes()),
                hashes(),
                proofs(params.recordProofHashes()),
                hashes(),
                proofs(params.chunkProofHashes()),
                bytes(params.posProofSize()))
            .as(Proved::new);
    Arbitrary<Located> located =
        Combinators.combine(
                historySizes(),
                Arbitraries.integers().between(0, 0xFFFF).map(SectorIndex::new),
                Arbitraries.integers().between(0, 0xFFFF).map(PieceOffset::new),
                segmentPositions(),
                realShards())
            .as(Located::new);
    return Combinators.combine(
            publicKeyHash,
            shardCommitments(params),
            localSegmentIndices(),
            superSegmentIndices(),
            proved,
            located)
        .as(
            (pkh, commitment, local, superIndex, p, l) ->
                new Solution(
                    pkh,
                    commitment,
                    local,
                    superIndex,
                    p.segmentRoot(),
                    p.segmentProof(),
                    p.recordRoot(),
                    p.recordProof(),
                    p.chunk(),
                    p.chunkProof(),
                    p.proofOfSpace(),
                    l.historySize(),
                    l.sectorIndex(),
                    l.pieceOffset(),
                    l.segmentPosition(),
                    l.pieceShardIndex()));
  }

  public static Arbitrary<Solution> solutions(ProtocolParameters params) {
    return solutions(params, hashes());
  }
}
