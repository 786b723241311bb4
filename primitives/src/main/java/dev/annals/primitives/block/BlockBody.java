package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.params.ProtocolParameters;

/** A block body of one of the three real shard kinds; its root goes into the header's result. */
public sealed interface BlockBody permits BeaconBlockBody, IntermediateBlockBody, LeafBlockBody {

  ShardKind kind();

  byte[] encode(ProtocolParameters params);

  Hash root(ProtocolParameters params);

  /** Decodes a body of the given kind (a body does not name its kind; the header does). */
  static BlockBody decode(byte[] bytes, ShardKind kind, ProtocolParameters params) {
    return switch (kind) {
      case BEACON -> BeaconBlockBody.decode(bytes, params);
      case INTERMEDIATE -> IntermediateBlockBody.decode(bytes, params);
      case LEAF -> LeafBlockBody.decode(bytes);
      case PHANTOM ->
          throw new IllegalArgumentException(
              "shard kind: phantom shards have no blocks (value PHANTOM)");
    };
  }
}
