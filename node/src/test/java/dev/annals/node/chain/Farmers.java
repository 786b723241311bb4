package dev.annals.node.chain;

import dev.annals.blockproducer.Sealer;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.consensus.shard.ShardCommitmentTree;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Farmer identities for import tests: sealing keys and shard commitment trees (at history size 1),
 * giving each block a real shard membership reveal of a farmer assigned to the block's shard and a
 * real seal. The rest of the solution is not a proof of space: these tests run with a solution
 * check that accepts every solution, because solution verification is covered on its own by
 * consensus' SolutionVerifier tests and block-producer's RealSolutionBlockTest (a plotted, audited,
 * proven dev sector sealing a leaf block), and {@code RealSolutionImportTest} here.
 */
final class Farmers {
  record Farmer(SealingKey key, ShardCommitmentTree tree) {}

  private final ProtocolParameters params;
  private final List<Farmer> farmers = new ArrayList<>();

  Farmers(ProtocolParameters params, int count) {
    this.params = params;
    for (int i = 1; i <= count; i++) {
      byte[] secret = new byte[SealingKey.SECRET_SIZE];
      Arrays.fill(secret, (byte) i);
      farmers.add(
          new Farmer(
              SealingKey.fromSecret(secret),
              ShardCommitmentTree.build(
                  ShardCommitmentTree.seedFromSecretKey(secret),
                  HistorySize.ONE,
                  params.shardCommitmentLeavesLog2())));
    }
  }

  Sealer sealer() {
    return (publicKeyHash, preSealHash) ->
        farmers.stream()
            .filter(f -> f.key().publicKeyHash().equals(publicKeyHash))
            .findFirst()
            .map(f -> f.key().seal(preSealHash));
  }

  /**
   * A solution of the {@code skip}-th farmer (in identity order) assigned to {@code shard} under
   * {@code entropy}: any farmer for the beacon chain, one on a child leaf for an intermediate
   * shard, one on the leaf itself for a leaf shard.
   */
  Solution solutionFor(ShardIndex shard, MembershipEntropy entropy, NumShards numShards, int skip) {
    int seen = 0;
    for (Farmer farmer : farmers) {
      ShardAssignment a =
          ShardAssignment.derive(
              farmer.key().publicKeyHash(),
              farmer.tree().root(),
              entropy,
              HistorySize.ONE,
              numShards,
              params.shardCommitmentLeavesLog2());
      boolean fits =
          switch (shard.kind()) {
            case BEACON -> true;
            case INTERMEDIATE -> a.leafShard().parent().equals(shard);
            case LEAF -> a.leafShard().equals(shard);
            case PHANTOM -> false;
          };
      if (fits && seen++ == skip) {
        return solution(farmer, a);
      }
    }
    throw new IllegalStateException("no test farmer number " + skip + " on shard " + shard);
  }

  Optional<Farmer> byKeyHash(Hash publicKeyHash) {
    return farmers.stream().filter(f -> f.key().publicKeyHash().equals(publicKeyHash)).findFirst();
  }

  private Solution solution(Farmer farmer, ShardAssignment assignment) {
    return new Solution(
        farmer.key().publicKeyHash(),
        farmer.tree().reveal(assignment.commitmentIndex()),
        LocalSegmentIndex.ZERO,
        SuperSegmentIndex.ZERO,
        Hash.ZERO,
        Proofs.zeros(params.segmentProofHashes()),
        Hash.ZERO,
        Proofs.zeros(params.recordProofHashes()),
        Hash.blake3(farmer.key().publicKey().toBytes()),
        Proofs.zeros(params.chunkProofHashes()),
        Bytes.zeros(params.posProofSize()),
        HistorySize.ONE,
        new SectorIndex(0),
        new PieceOffset(0),
        SegmentPosition.ZERO,
        ShardIndex.BEACON);
  }
}
