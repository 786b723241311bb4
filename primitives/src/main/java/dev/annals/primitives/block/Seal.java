package dev.annals.primitives.block;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;

/**
 * The block seal, 97 bytes: type u8 (0 = Ed25519, the only type), public key (32), signature (64)
 * over the pre-seal hash. Its hash is BLAKE3 of those 97 bytes.
 */
public record Seal(Bytes publicKey, Bytes signature) {
  public static final int TYPE_ED25519 = 0;
  public static final int PUBLIC_KEY_SIZE = 32;
  public static final int SIGNATURE_SIZE = 64;
  public static final int SIZE = 1 + PUBLIC_KEY_SIZE + SIGNATURE_SIZE;

  public Seal {
    if (publicKey == null || signature == null) {
      throw new IllegalArgumentException("seal: every field must be set (value null)");
    }
    publicKey.requireLength("seal.public_key", PUBLIC_KEY_SIZE);
    signature.requireLength("seal.signature", SIGNATURE_SIZE);
  }

  /** The hash a solution must carry as its public key hash. */
  public Hash publicKeyHash() {
    return Hash.blake3(publicKey.toBytes());
  }

  void encodeTo(ByteWriter w) {
    w.u8(TYPE_ED25519).bytes(publicKey).bytes(signature);
  }

  static Seal decodeFrom(ByteReader r) {
    int type = r.u8("type");
    if (type != TYPE_ED25519) {
      throw new DecodeException(
          r.field("type"), Integer.toString(type), "unknown seal type (0 = Ed25519)");
    }
    Bytes key = r.fixed("public_key", PUBLIC_KEY_SIZE);
    Bytes signature = r.fixed("signature", SIGNATURE_SIZE);
    return new Seal(key, signature);
  }

  public Hash hash() {
    ByteWriter w = new ByteWriter(SIZE);
    encodeTo(w);
    return Hash.blake3(w.toByteArray());
  }
}
