package dev.annals.consensus.shard;

import dev.annals.consensus.shard.ShardMembershipException.Check;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;

/**
 * The shard part of stateless solution verification, in Abundance's order: the block's shard is
 * real; the solution's derived leaf shard fits the block (a leaf block needs exactly that shard, an
 * intermediate block that shard's parent, the beacon chain accepts any); the revealed leaf proves
 * against the commitments root at the derived index.
 */
public final class ShardMembershipVerifier {
  private final ProtocolParameters params;

  public ShardMembershipVerifier(ProtocolParameters params) {
    if (params == null) {
      throw new IllegalArgumentException("protocol parameters: must be set (value null)");
    }
    if (params.shardCommitmentLeavesLog2() > 30) {
      throw new IllegalArgumentException(
          "shard_commitment_leaves_log2: at most 30 can be verified (value "
              + params.shardCommitmentLeavesLog2()
              + ")");
    }
    this.params = params;
  }

  /**
   * {@link #verify(Hash, ShardCommitment, HistorySize, ShardIndex, MembershipEntropy, NumShards)}
   */
  public ShardAssignment verify(
      Solution solution, ShardIndex blockShard, MembershipEntropy entropy, NumShards numShards)
      throws ShardMembershipException {
    return verify(
        solution.publicKeyHash(),
        solution.shardCommitment(),
        solution.historySize(),
        blockShard,
        entropy,
        numShards);
  }

  /**
   * Checks a revealed commitment for a block of {@code blockShard} and returns the derived
   * assignment (the caller scales the solution range by the block's shard kind).
   */
  public ShardAssignment verify(
      Hash publicKeyHash,
      ShardCommitment commitment,
      HistorySize historySize,
      ShardIndex blockShard,
      MembershipEntropy entropy,
      NumShards numShards)
      throws ShardMembershipException {
    ShardKind kind = blockShard.kind();
    if (!kind.isReal() || !numShards.contains(blockShard)) {
      throw new ShardMembershipException(
          Check.BLOCK_SHARD_NOT_REAL,
          "shard " + blockShard + " (" + kind + ") is not a shard under " + numShards);
    }
    int expectedHashes = params.shardCommitmentProofHashes();
    if (commitment.proof().size() != expectedHashes) {
      throw new ShardMembershipException(
          Check.COMMITMENT_PROOF_LENGTH,
          "expected " + expectedHashes + " hashes (value " + commitment.proof().size() + ")");
    }
    ShardAssignment assignment =
        ShardAssignment.derive(
            publicKeyHash,
            commitment.root(),
            entropy,
            historySize,
            numShards,
            params.shardCommitmentLeavesLog2());
    ShardIndex derived = assignment.leafShard();
    switch (kind) {
      case LEAF -> {
        if (!derived.equals(blockShard)) {
          throw new ShardMembershipException(
              Check.SOLUTION_SHARD_NOT_BLOCK_SHARD,
              "solution belongs to leaf shard " + derived + ", block is on shard " + blockShard);
        }
      }
      case INTERMEDIATE -> {
        if (!derived.parent().equals(blockShard)) {
          throw new ShardMembershipException(
              Check.SOLUTION_SHARD_NOT_UNDER_BLOCK_SHARD,
              "solution belongs to leaf shard "
                  + derived
                  + " under "
                  + derived.parent()
                  + ", block is on intermediate shard "
                  + blockShard);
        }
      }
      case BEACON, PHANTOM -> {}
    }
    byte[] proof = new byte[expectedHashes * Hash.SIZE];
    for (int i = 0; i < expectedHashes; i++) {
      commitment.proof().get(i).copyTo(proof, i * Hash.SIZE);
    }
    if (!BalancedMerkleTree.verify(
        commitment.root().toBytes(),
        1 << params.shardCommitmentLeavesLog2(),
        assignment.commitmentIndex(),
        commitment.leaf().toBytes(),
        proof)) {
      throw new ShardMembershipException(
          Check.COMMITMENT_PROOF_INVALID,
          "leaf "
              + commitment.leaf()
              + " does not prove against root "
              + commitment.root()
              + " at index "
              + Integer.toUnsignedString(assignment.commitmentIndex()));
    }
    return assignment;
  }
}
