package dev.annals.consensus.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.consensus.shard.ShardMembershipException.Check;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.ShardCommitment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One honest reveal passes on its leaf, its parent and the beacon chain; each check breaks alone.
 */
class ShardMembershipVerifierTest {
  private static final int LOG2 = 8;
  private static final ProtocolParameters PARAMS =
      TestParams.withLeavesLog2(ProtocolParameters.DEV, LOG2);
  private static final NumShards SHARDS = new NumShards(3, 4);
  private static final Hash PK = Hash.blake3(new byte[] {1});
  private static final HistorySize SIZE = new HistorySize(7);
  private static final MembershipEntropy ENTROPY = new MembershipEntropy(Bytes.zeros(16));
  private static final ShardCommitmentTree TREE =
      ShardCommitmentTree.build(ShardCommitmentTree.seedFromSecretKey(new byte[32]), SIZE, LOG2);
  private static final ShardAssignment ASSIGNMENT =
      ShardAssignment.derive(PK, TREE.root(), ENTROPY, SIZE, SHARDS, LOG2);
  private static final ShardCommitment REVEAL = TREE.reveal(ASSIGNMENT.commitmentIndex());

  private final ShardMembershipVerifier verifier = new ShardMembershipVerifier(PARAMS);

  private Check failure(ShardCommitment c, ShardIndex block) {
    try {
      verifier.verify(PK, c, SIZE, block, ENTROPY, SHARDS);
    } catch (ShardMembershipException e) {
      return e.check();
    }
    throw new AssertionError("verification passed");
  }

  @Test
  void honestRevealPassesOnItsLeafItsParentAndTheBeaconChain() throws Exception {
    ShardIndex leaf = ASSIGNMENT.leafShard();
    assertThat(verifier.verify(PK, REVEAL, SIZE, leaf, ENTROPY, SHARDS)).isEqualTo(ASSIGNMENT);
    assertThat(verifier.verify(PK, REVEAL, SIZE, leaf.parent(), ENTROPY, SHARDS))
        .isEqualTo(ASSIGNMENT);
    assertThat(verifier.verify(PK, REVEAL, SIZE, ShardIndex.BEACON, ENTROPY, SHARDS))
        .isEqualTo(ASSIGNMENT);
  }

  @Test
  void phantomOrAbsentBlockShardIsNotReal() {
    assertThat(failure(REVEAL, new ShardIndex(1 << 10))).isEqualTo(Check.BLOCK_SHARD_NOT_REAL);
    assertThat(failure(REVEAL, ShardIndex.intermediate(4))).isEqualTo(Check.BLOCK_SHARD_NOT_REAL);
    assertThat(failure(REVEAL, ShardIndex.leaf(ShardIndex.intermediate(1), 5)))
        .isEqualTo(Check.BLOCK_SHARD_NOT_REAL);
  }

  @Test
  void otherLeafIsRejected() {
    ShardIndex own = ASSIGNMENT.leafShard();
    ShardIndex other =
        ShardIndex.leaf(own.parent(), own.leafNumber() % SHARDS.leafShardsPerIntermediate() + 1);
    assertThat(failure(REVEAL, other)).isEqualTo(Check.SOLUTION_SHARD_NOT_BLOCK_SHARD);
  }

  @Test
  void otherIntermediateIsRejected() {
    ShardIndex parent = ASSIGNMENT.leafShard().parent();
    ShardIndex other = ShardIndex.intermediate(parent.value() % 3 + 1);
    assertThat(failure(REVEAL, other)).isEqualTo(Check.SOLUTION_SHARD_NOT_UNDER_BLOCK_SHARD);
  }

  @Test
  void wrongLeafWrongIndexOrTamperedProofIsInvalid() {
    ShardIndex leaf = ASSIGNMENT.leafShard();
    int otherIndex = (ASSIGNMENT.commitmentIndex() + 1) % (1 << LOG2);
    assertThat(failure(TREE.reveal(otherIndex), leaf)).isEqualTo(Check.COMMITMENT_PROOF_INVALID);
    ShardCommitment wrongLeaf = new ShardCommitment(REVEAL.root(), REVEAL.proof(), Hash.ZERO);
    assertThat(failure(wrongLeaf, leaf)).isEqualTo(Check.COMMITMENT_PROOF_INVALID);
    List<Hash> proof = new ArrayList<>(REVEAL.proof());
    byte[] flipped = proof.get(LOG2 - 1).toBytes();
    flipped[0] ^= 1;
    proof.set(LOG2 - 1, Hash.wrap(flipped));
    ShardCommitment tampered = new ShardCommitment(REVEAL.root(), proof, REVEAL.leaf());
    assertThat(failure(tampered, leaf)).isEqualTo(Check.COMMITMENT_PROOF_INVALID);
  }

  @Test
  void anotherRootMovesTheSolutionOrFailsTheProof() {
    // A forged root changes the derived shard or index; on the beacon chain (no shard check) the
    // proof then fails.
    ShardCommitment forged = new ShardCommitment(Hash.ZERO, REVEAL.proof(), REVEAL.leaf());
    assertThat(failure(forged, ShardIndex.BEACON)).isEqualTo(Check.COMMITMENT_PROOF_INVALID);
  }

  @Test
  void proofOfTheWrongLengthIsNamed() {
    ShardCommitment shortProof =
        new ShardCommitment(REVEAL.root(), REVEAL.proof().subList(0, LOG2 - 1), REVEAL.leaf());
    assertThat(failure(shortProof, ASSIGNMENT.leafShard()))
        .isEqualTo(Check.COMMITMENT_PROOF_LENGTH);
    assertThatThrownBy(
            () -> verifier.verify(PK, shortProof, SIZE, ShardIndex.BEACON, ENTROPY, SHARDS))
        .hasMessageContaining("COMMITMENT_PROOF_LENGTH")
        .hasMessageContaining("value " + (LOG2 - 1));
  }
}
