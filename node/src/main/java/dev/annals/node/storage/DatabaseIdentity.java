package dev.annals.node.storage;

import dev.annals.primitives.Hash;

/**
 * What a data directory was created for, written into the metadata column on creation and compared
 * on every open.
 *
 * @param chainName chain spec name, for messages only (the digest is what is compared)
 * @param chainSpecDigest BLAKE3 digest of the chain spec's canonical encoding
 * @param presetDigest {@code ProtocolParameters.digest()} of the parameters the node runs with
 */
public record DatabaseIdentity(String chainName, Hash chainSpecDigest, Hash presetDigest) {
  public DatabaseIdentity {
    if (chainName == null || chainSpecDigest == null || presetDigest == null) {
      throw new IllegalArgumentException("database identity: every field must be set (value null)");
    }
  }
}
