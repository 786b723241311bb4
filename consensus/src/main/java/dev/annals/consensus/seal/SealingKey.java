package dev.annals.consensus.seal;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.Seal;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A farmer identity's Ed25519 key: the 32-byte secret of RFC 8032, its public key, and the public
 * key hash that solutions carry. Seals sign the BLAKE3 hash of every header byte before the seal.
 * Never printed: {@link #toString} shows only the public key hash.
 */
public final class SealingKey {
  public static final int SECRET_SIZE = Ed25519.SECRET_KEY_SIZE;

  private final byte[] secret;
  private final byte[] publicKey;
  private final Hash publicKeyHash;

  private SealingKey(byte[] secret) {
    this.secret = secret;
    this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(secret, 0, publicKey, 0);
    this.publicKeyHash = Hash.blake3(publicKey);
  }

  /** The key of a 32-byte RFC 8032 secret (copied). */
  public static SealingKey fromSecret(byte[] secret) {
    if (secret == null || secret.length != SECRET_SIZE) {
      throw new IllegalArgumentException(
          "sealing key secret: must be "
              + SECRET_SIZE
              + " bytes (value "
              + (secret == null ? null : secret.length)
              + ")");
    }
    return new SealingKey(secret.clone());
  }

  public Bytes publicKey() {
    return Bytes.of(publicKey);
  }

  /** BLAKE3 of the public key: what a solution names as its farmer. */
  public Hash publicKeyHash() {
    return publicKeyHash;
  }

  /** The seal over a header whose bytes before the seal hash to {@code preSealHash}. */
  public Seal seal(Hash preSealHash) {
    byte[] message = preSealHash.toBytes();
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(secret, 0, message, 0, message.length, signature, 0);
    return new Seal(Bytes.of(publicKey), Bytes.wrap(signature));
  }

  @Override
  public String toString() {
    return "SealingKey[publicKeyHash=" + publicKeyHash + "]";
  }
}
