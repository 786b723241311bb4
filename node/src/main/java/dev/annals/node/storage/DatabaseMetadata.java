package dev.annals.node.storage;

import static dev.annals.node.storage.NodeDatabase.KEY_CHAIN_NAME;
import static dev.annals.node.storage.NodeDatabase.KEY_CHAIN_SPEC;
import static dev.annals.node.storage.NodeDatabase.KEY_CHAIN_SPEC_DIGEST;
import static dev.annals.node.storage.NodeDatabase.KEY_PRESET_DIGEST;
import static dev.annals.node.storage.NodeDatabase.KEY_SCHEMA_VERSION;
import static dev.annals.node.storage.NodeDatabase.METADATA;
import static dev.annals.node.storage.NodeDatabase.SCHEMA_VERSION;

import dev.annals.primitives.Hash;
import java.nio.charset.StandardCharsets;

/**
 * The identity a data directory records in its metadata column (schema version, chain spec and
 * preset digests, chain name and spec), written once when the database is created and compared on
 * every later open.
 */
final class DatabaseMetadata {
  private final NodeDatabase database;

  DatabaseMetadata(NodeDatabase database) {
    this.database = database;
  }

  void write(DatabaseIdentity identity) {
    try (StorageTransaction tx = database.transaction()) {
      tx.put(METADATA, KEY_SCHEMA_VERSION, Codecs.u32Le(SCHEMA_VERSION));
      tx.put(METADATA, KEY_CHAIN_SPEC_DIGEST, identity.chainSpecDigest().toBytes());
      tx.put(METADATA, KEY_PRESET_DIGEST, identity.presetDigest().toBytes());
      tx.put(METADATA, KEY_CHAIN_NAME, identity.chainName().getBytes(StandardCharsets.UTF_8));
      if (!identity.chainSpecJson().isEmpty()) {
        tx.put(METADATA, KEY_CHAIN_SPEC, identity.chainSpecJson().getBytes(StandardCharsets.UTF_8));
      }
      tx.commit();
    }
  }

  /** Refuses a directory made for another schema, chain spec or preset, naming both sides. */
  void check(DatabaseIdentity expected) {
    DatabaseIdentity stored = stored();
    if (!stored.chainSpecDigest().equals(expected.chainSpecDigest())) {
      throw new DatabaseMismatchException(
          "data directory "
              + database.path().getParent()
              + " was created for chain spec '"
              + stored.chainName()
              + "' with digest "
              + stored.chainSpecDigest()
              + ", but this node runs chain spec '"
              + expected.chainName()
              + "' with digest "
              + expected.chainSpecDigest()
              + "; use another --data-dir or the matching --chain");
    }
    if (!stored.presetDigest().equals(expected.presetDigest())) {
      throw new DatabaseMismatchException(
          "data directory "
              + database.path().getParent()
              + " was created with protocol parameters digest "
              + stored.presetDigest()
              + ", but this node runs with digest "
              + expected.presetDigest()
              + " (chain spec '"
              + expected.chainName()
              + "'); use another --data-dir");
    }
  }

  /** What the directory was made for; a schema other than this one's is refused. */
  DatabaseIdentity stored() {
    int version = Codecs.readU32Le(require(KEY_SCHEMA_VERSION, 4));
    if (version != SCHEMA_VERSION) {
      throw new DatabaseMismatchException(
          "database "
              + database.path()
              + " has storage schema version "
              + Integer.toUnsignedString(version)
              + ", this Annals reads version "
              + SCHEMA_VERSION);
    }
    return new DatabaseIdentity(
        database
            .get(METADATA, KEY_CHAIN_NAME)
            .map(b -> new String(b, StandardCharsets.UTF_8))
            .orElse("(unnamed)"),
        Hash.wrap(require(KEY_CHAIN_SPEC_DIGEST, Hash.SIZE)),
        Hash.wrap(require(KEY_PRESET_DIGEST, Hash.SIZE)),
        database
            .get(METADATA, KEY_CHAIN_SPEC)
            .map(b -> new String(b, StandardCharsets.UTF_8))
            .orElse(""));
  }

  private byte[] require(String key, int length) {
    byte[] value =
        database
            .get(METADATA, key)
            .orElseThrow(
                () ->
                    RocksDbErrors.corruption(
                        database.path(), "metadata entry '" + key + "' is missing", null));
    if (value.length != length) {
      throw RocksDbErrors.corruption(
          database.path(),
          "metadata entry '" + key + "' has " + value.length + " bytes, expected " + length,
          null);
    }
    return value;
  }
}
