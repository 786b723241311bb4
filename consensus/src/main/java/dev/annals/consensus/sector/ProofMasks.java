package dev.annals.consensus.sector;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.primitives.Hash;

/** The masks of a record's stored chunks: mask n is BLAKE3 of the record's n-th proof. */
final class ProofMasks {
  private ProofMasks() {}

  static byte[] of(PosProofs proofs) {
    byte[] masks = new byte[proofs.count() * Hash.SIZE];
    Kernels.blake3()
        .hashBatch(proofs.proofs(), 0, proofs.parameters().proofSize(), proofs.count(), masks, 0);
    return masks;
  }
}
