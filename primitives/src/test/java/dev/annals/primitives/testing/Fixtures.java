package dev.annals.primitives.testing;

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
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.BlockHeaderResult;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.PotParametersChange;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Deterministic valid values to mutate in malformed-input tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A distinct non-zero hash per {@code n}. */
  public static Hash hash(int n) {
    return Hash.blake3(new byte[] {(byte) n, (byte) (n >> 8), 0x5a});
  }

  public static List<Hash> hashes(int from, int count) {
    List<Hash> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(hash(from + i));
    }
    return out;
  }

  public static Seal seal() {
    byte[] key = new byte[Seal.PUBLIC_KEY_SIZE];
    key[0] = 7;
    byte[] signature = new byte[Seal.SIGNATURE_SIZE];
    signature[63] = 9;
    return new Seal(Bytes.wrap(key), Bytes.wrap(signature));
  }

  public static Solution solution(ProtocolParameters params, Hash publicKeyHash) {
    return new Solution(
        publicKeyHash,
        new ShardCommitment(hash(1), hashes(100, params.shardCommitmentProofHashes()), hash(2)),
        new LocalSegmentIndex(3),
        new SuperSegmentIndex(4),
        hash(5),
        hashes(200, params.segmentProofHashes()),
        hash(6),
        hashes(300, params.recordProofHashes()),
        hash(7),
        hashes(400, params.chunkProofHashes()),
        Bytes.wrap(new byte[params.posProofSize()]),
        new HistorySize(10),
        new SectorIndex(11),
        new PieceOffset(12),
        new SegmentPosition(13),
        ShardIndex.BEACON);
  }

  public static ConsensusInfo consensusInfo(ProtocolParameters params) {
    return new ConsensusInfo(
        new Slot(20), Bytes.zeros(16), Bytes.zeros(16), solution(params, seal().publicKeyHash()));
  }

  public static BlockHeaderPrefix prefix(ShardIndex shard) {
    return new BlockHeaderPrefix(
        new BlockNumber(30), shard, 1_700_000_000_000L, hash(31), hash(32));
  }

  public static BlockHeaderResult result() {
    return new BlockHeaderResult(hash(40), hash(41));
  }

  /** Consensus parameters with all three optional fields present. */
  public static ConsensusParameters consensusParameters() {
    return new ConsensusParameters(
        50,
        256,
        new NumShards(2, 3),
        Optional.of(hash(51)),
        OptionalLong.of(52),
        Optional.of(new PotParametersChange(new Slot(53), 512, hash(54))));
  }

  public static BeaconBlockHeader beaconHeader(ProtocolParameters params) {
    return new BeaconBlockHeader(
        prefix(ShardIndex.BEACON),
        result(),
        consensusInfo(params),
        new ChildBlockRoots(hashes(60, 2)),
        consensusParameters(),
        seal());
  }

  public static IntermediateBlockHeader intermediateHeader(ProtocolParameters params) {
    return new IntermediateBlockHeader(
        prefix(ShardIndex.intermediate(1)),
        result(),
        consensusInfo(params),
        new BeaconChainInfo(new BlockNumber(70), hash(71)),
        new ChildBlockRoots(hashes(72, 1)),
        seal());
  }

  public static LeafBlockHeader leafHeader(ProtocolParameters params) {
    return new LeafBlockHeader(
        prefix(ShardIndex.leaf(ShardIndex.intermediate(1), 1)),
        result(),
        consensusInfo(params),
        new BeaconChainInfo(new BlockNumber(80), hash(81)),
        seal());
  }

  public static PieceHeader pieceHeader(ProtocolParameters params) {
    List<Hash> segmentProof = new ArrayList<>(hashes(90, 3));
    while (segmentProof.size() < params.segmentProofHashes()) {
      segmentProof.add(Hash.ZERO);
    }
    return new PieceHeader(
        ShardIndex.intermediate(2),
        new LocalSegmentIndex(91),
        new SuperSegmentIndex(92),
        new SegmentPosition(93),
        hash(94),
        segmentProof,
        hash(95),
        hashes(96, params.recordProofHashes()));
  }
}
