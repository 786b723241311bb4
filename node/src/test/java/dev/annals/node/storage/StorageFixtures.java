package dev.annals.node.storage;

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
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.BlockHeaderResult;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.OwnSegments;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.Record;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Valid, distinct values to store; {@code n} varies every hash so that values differ. */
final class StorageFixtures {
  static final ProtocolParameters PARAMS = ProtocolParameters.DEV;
  static final DatabaseIdentity IDENTITY =
      new DatabaseIdentity("test", Hash.blake3(new byte[] {1, 2, 3}), PARAMS.digest());
  static final StorageConfig CONFIG = new StorageConfig(8L << 20, 4L << 20, false);
  static final ShardIndex INTERMEDIATE = ShardIndex.intermediate(1);
  static final ShardIndex LEAF = ShardIndex.leaf(INTERMEDIATE, 1);

  private StorageFixtures() {}

  static ChainStorage open(Path dir) {
    return ChainStorage.open(dir, IDENTITY, PARAMS, CONFIG);
  }

  static Hash hash(long n) {
    byte[] in = new byte[8];
    for (int i = 0; i < 8; i++) {
      in[i] = (byte) (n >>> (8 * i));
    }
    return Hash.blake3(in);
  }

  static List<Hash> hashes(long from, int count) {
    List<Hash> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(hash(from + i));
    }
    return out;
  }

  static Seal seal(long n) {
    byte[] key = hash(n * 7 + 1).toBytes();
    byte[] signature = new byte[Seal.SIGNATURE_SIZE];
    hash(n * 7 + 2).copyTo(signature, 0);
    return new Seal(Bytes.wrap(key), Bytes.wrap(signature));
  }

  static ConsensusInfo consensusInfo(long n, Seal seal) {
    ProtocolParameters p = PARAMS;
    Solution solution =
        new Solution(
            seal.publicKeyHash(),
            new ShardCommitment(
                hash(n + 1), hashes(n + 100, p.shardCommitmentProofHashes()), hash(n + 2)),
            new LocalSegmentIndex(n),
            new SuperSegmentIndex(n),
            hash(n + 3),
            hashes(n + 200, p.segmentProofHashes()),
            hash(n + 4),
            hashes(n + 300, p.recordProofHashes()),
            hash(n + 5),
            hashes(n + 400, p.chunkProofHashes()),
            Bytes.wrap(new byte[p.posProofSize()]),
            new HistorySize(n + 1),
            new SectorIndex((int) (n & 0xFFFF)),
            new PieceOffset(1),
            new SegmentPosition(0),
            ShardIndex.BEACON);
    return new ConsensusInfo(new Slot(n), Bytes.zeros(16), Bytes.zeros(16), solution);
  }

  static BlockHeader header(ShardIndex shard, long number, Hash parent) {
    Seal seal = seal(number + shard.value() * 1000L);
    BlockHeaderPrefix prefix =
        new BlockHeaderPrefix(
            new BlockNumber(number), shard, 1_700_000_000_000L + number, parent, hash(number));
    BlockHeaderResult result = new BlockHeaderResult(hash(number + 10), hash(number + 11));
    ConsensusInfo info = consensusInfo(number + shard.value(), seal);
    return switch (shard.kind()) {
      case BEACON ->
          new BeaconBlockHeader(
              prefix,
              result,
              info,
              new ChildBlockRoots(hashes(number + 20, 2)),
              new ConsensusParameters(
                  1000 + number,
                  PARAMS.slotIterations(),
                  new NumShards(1, 2),
                  Optional.of(hash(number + 30)),
                  OptionalLong.empty(),
                  Optional.empty()),
              seal);
      case INTERMEDIATE ->
          new IntermediateBlockHeader(
              prefix,
              result,
              info,
              new BeaconChainInfo(new BlockNumber(number), hash(number + 40)),
              new ChildBlockRoots(hashes(number + 50, 1)),
              seal);
      case LEAF ->
          new LeafBlockHeader(
              prefix,
              result,
              info,
              new BeaconChainInfo(new BlockNumber(number), hash(number + 60)),
              seal);
      case PHANTOM -> throw new IllegalArgumentException("phantom");
    };
  }

  static BlockBody body(ShardIndex shard, long number) {
    Optional<OwnSegments> own =
        Optional.of(new OwnSegments(new LocalSegmentIndex(number), hashes(number + 70, 2)));
    return switch (shard.kind()) {
      case BEACON ->
          new BeaconBlockBody(
              own,
              List.of(),
              List.of(
                  new PotCheckpoints(
                      Bytes.wrap(
                          new byte[PARAMS.potCheckpoints() * ConsensusInfo.POT_OUTPUT_SIZE]))));
      case INTERMEDIATE -> new IntermediateBlockBody(own, List.of());
      case LEAF ->
          new LeafBlockBody(
              own,
              List.of(Bytes.wrap(new byte[] {1, 2, (byte) number}), Bytes.wrap(new byte[100])));
      case PHANTOM -> throw new IllegalArgumentException("phantom");
    };
  }

  static SegmentHeader segmentHeader(long index, Hash previous) {
    return new SegmentHeader(
        new LocalSegmentIndex(index),
        hash(index + 500),
        previous,
        new LastArchivedBlock(new BlockNumber(index * 3), index));
  }

  static SuperSegmentHeader superSegmentHeader(long index) {
    return new SuperSegmentHeader(
        new SuperSegmentIndex(index),
        hash(index + 600),
        hash(index + 601),
        new GlobalSegmentIndex(index * 4 + 3),
        new BlockNumber(index + 1),
        4);
  }

  /** A piece of {@code shard}'s segment as the archiver stores it: super segment fields zero. */
  static Piece piece(ShardIndex shard, long segment, int position) {
    List<Hash> segmentProof = new ArrayList<>();
    for (int i = 0; i < PARAMS.segmentProofHashes(); i++) {
      segmentProof.add(Hash.ZERO);
    }
    PieceHeader header =
        new PieceHeader(
            shard,
            new LocalSegmentIndex(segment),
            SuperSegmentIndex.ZERO,
            SegmentPosition.ZERO,
            hash(segment + 700),
            segmentProof,
            hash(segment * 1000 + position),
            hashes(segment * 1000 + position + 800, PARAMS.recordProofHashes()));
    byte[] record = new byte[PARAMS.recordSize()];
    for (int i = 0; i < record.length; i++) {
      record[i] = (byte) (i * 31 + position + segment);
    }
    return new Piece(header, Record.wrap(record, PARAMS));
  }

  static List<Piece> segmentPieces(ShardIndex shard, long segment) {
    List<Piece> out = new ArrayList<>();
    for (int i = 0; i < PARAMS.piecesPerSegment(); i++) {
      out.add(piece(shard, segment, i));
    }
    return out;
  }
}
