package dev.annals.consensus.seal;

import dev.annals.primitives.Hash;
import dev.annals.primitives.block.Seal;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Checks Ed25519 seals: the signature over the pre-seal header hash by the seal's public key. */
public final class SealVerifier {
  private SealVerifier() {}

  /**
   * Whether {@code seal} signs {@code preSealHash}. A public key that is not a valid curve point
   * (or a non-canonical signature) is simply invalid, never an exception.
   */
  public static boolean verify(Seal seal, Hash preSealHash) {
    byte[] message = preSealHash.toBytes();
    return Ed25519.verify(
        seal.signature().toBytes(), 0, seal.publicKey().toBytes(), 0, message, 0, message.length);
  }
}
