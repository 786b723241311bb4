package dev.annals.node.storage;

import dev.annals.primitives.Hash;

/**
 * What a data directory was created for, written into the metadata column on creation and compared
 * on every open.
 *
 * @param chainName chain spec name, for messages only (the digest is what is compared)
 * @param chainSpecDigest BLAKE3 digest of the chain spec's canonical encoding
 * @param presetDigest {@code ProtocolParameters.digest()} of the parameters the node runs with
 * @param chainSpecJson the chain spec as JSON (empty for none), stored on creation so that tools
 *     can open the directory read-only without being told the chain; not compared
 */
public record DatabaseIdentity(
    String chainName, Hash chainSpecDigest, Hash presetDigest, String chainSpecJson) {
  public DatabaseIdentity {
    if (chainName == null
        || chainSpecDigest == null
        || presetDigest == null
        || chainSpecJson == null) {
      throw new IllegalArgumentException("database identity: every field must be set (value null)");
    }
  }

  public DatabaseIdentity(String chainName, Hash chainSpecDigest, Hash presetDigest) {
    this(chainName, chainSpecDigest, presetDigest, "");
  }
}
