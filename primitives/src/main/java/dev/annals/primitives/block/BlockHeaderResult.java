package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;

/** The outcome of executing the block, 64 bytes: body root @0, state root @32. */
public record BlockHeaderResult(Hash bodyRoot, Hash stateRoot) {
  public static final int SIZE = 64;

  public BlockHeaderResult {
    if (bodyRoot == null || stateRoot == null) {
      throw new IllegalArgumentException("result: every field must be set (value null)");
    }
  }

  void encodeTo(ByteWriter w) {
    w.hash(bodyRoot).hash(stateRoot);
  }

  static BlockHeaderResult decodeFrom(ByteReader r) {
    return new BlockHeaderResult(r.hash("body_root"), r.hash("state_root"));
  }

  public Hash hash() {
    ByteWriter w = new ByteWriter(SIZE);
    encodeTo(w);
    return Hash.blake3(w.toByteArray());
  }
}
