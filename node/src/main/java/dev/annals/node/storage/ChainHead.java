package dev.annals.node.storage;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;

/** The head of a shard's best chain. Stored as number u64 LE ‖ root (40 bytes). */
public record ChainHead(BlockNumber number, Hash root) {
  public static final int SIZE = 8 + Hash.SIZE;

  public ChainHead {
    if (number == null || root == null) {
      throw new IllegalArgumentException("chain head: number and root must be set (value null)");
    }
  }

  static final Codec<ChainHead> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(ChainHead head) {
          return new ByteWriter(SIZE).u64(head.number.value()).hash(head.root).toByteArray();
        }

        @Override
        public ChainHead decode(byte[] bytes) {
          ByteReader r = new ByteReader(bytes);
          r.scope("best_chain.");
          ChainHead head = new ChainHead(new BlockNumber(r.u64("number")), r.hash("root"));
          r.expectEnd("value");
          return head;
        }
      };
}
