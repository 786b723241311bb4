package dev.annals.primitives.block;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;

/** The beacon block a shard block builds on, 40 bytes: number u64 @0, root @8. */
public record BeaconChainInfo(BlockNumber number, Hash root) {
  public static final int SIZE = 40;

  public BeaconChainInfo {
    if (number == null || root == null) {
      throw new IllegalArgumentException("beacon_chain_info: every field must be set (value null)");
    }
  }

  void encodeTo(ByteWriter w) {
    w.u64(number.value()).hash(root);
  }

  static BeaconChainInfo decodeFrom(ByteReader r) {
    long number = r.u64("number");
    return new BeaconChainInfo(new BlockNumber(number), r.hash("root"));
  }

  public Hash hash() {
    ByteWriter w = new ByteWriter(SIZE);
    encodeTo(w);
    return Hash.blake3(w.toByteArray());
  }
}
