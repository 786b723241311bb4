package dev.annals.primitives.solution;

import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Proofs;
import java.util.List;

/**
 * The farmer's shard commitment revealed by a solution: the commitments root, the Merkle proof of
 * the leaf (shard commitment leaves log2 hashes: 20 in production, 10 in dev) and the leaf.
 */
public record ShardCommitment(Hash root, List<Hash> proof, Hash leaf) {
  public ShardCommitment {
    if (root == null || leaf == null || proof == null) {
      throw new IllegalArgumentException("shard_commitment: every field must be set (value null)");
    }
    proof = List.copyOf(proof);
  }

  void encodeTo(ByteWriter w, ProtocolParameters params) {
    Proofs.check("shard_commitment.proof", proof, params.shardCommitmentProofHashes());
    w.hash(root);
    Proofs.write(w, proof);
    w.hash(leaf);
  }

  static ShardCommitment decodeFrom(ByteReader r, ProtocolParameters params) {
    Hash root = r.hash("shard_commitment.root");
    List<Hash> proof =
        Proofs.read(r, "shard_commitment.proof", params.shardCommitmentProofHashes());
    Hash leaf = r.hash("shard_commitment.leaf");
    return new ShardCommitment(root, proof, leaf);
  }
}
