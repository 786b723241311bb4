package dev.annals.blockproducer;

import dev.annals.consensus.seal.SealingKey;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.Arrays;

/** Inputs for building drafts in tests: a farmer key and basics whose solution names it. */
final class Drafts {
  static final ProtocolParameters PARAMS = ProtocolParameters.DEV;

  private Drafts() {}

  static SealingKey key(int seed) {
    byte[] secret = new byte[SealingKey.SECRET_SIZE];
    Arrays.fill(secret, (byte) seed);
    return SealingKey.fromSecret(secret);
  }

  /** A well-formed solution naming {@code farmer} (its proofs are not meant to verify). */
  static Solution solution(Hash farmer) {
    ProtocolParameters p = PARAMS;
    return new Solution(
        farmer,
        new ShardCommitment(Hash.ZERO, Proofs.zeros(p.shardCommitmentProofHashes()), Hash.ZERO),
        LocalSegmentIndex.ZERO,
        SuperSegmentIndex.ZERO,
        Hash.ZERO,
        Proofs.zeros(p.segmentProofHashes()),
        Hash.ZERO,
        Proofs.zeros(p.recordProofHashes()),
        Hash.ZERO,
        Proofs.zeros(p.chunkProofHashes()),
        Bytes.zeros(p.posProofSize()),
        HistorySize.ONE,
        new SectorIndex(0),
        new PieceOffset(0),
        SegmentPosition.ZERO,
        ShardIndex.BEACON);
  }

  static BlockBasics basics(ShardIndex shard, long number, SealingKey farmer) {
    ConsensusInfo info =
        new ConsensusInfo(
            new Slot(number * 3),
            Bytes.zeros(ConsensusInfo.POT_OUTPUT_SIZE),
            Bytes.zeros(ConsensusInfo.POT_OUTPUT_SIZE),
            solution(farmer.publicKeyHash()));
    return new BlockBasics(
        new BlockNumber(number),
        shard,
        1_000 + number,
        Hash.blake3(new byte[] {(byte) number}),
        Hash.blake3(new byte[] {(byte) number, 1}),
        Hash.blake3(new byte[] {2}),
        info);
  }
}
