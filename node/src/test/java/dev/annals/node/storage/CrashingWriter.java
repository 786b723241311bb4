package dev.annals.node.storage;

import static dev.annals.node.storage.StorageFixtures.LEAF;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.codec.LittleEndian;
import java.nio.file.Path;

/**
 * Child process of {@link TransactionAtomicityTest}: writes one batch per block forever, printing
 * each commit, until it is killed. Never closes the database.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  static BlockHeader block(long n, Hash parent) {
    return StorageFixtures.header(LEAF, n, parent);
  }

  static long stateNumber(byte[] state) {
    return LittleEndian.getLong(state, 0);
  }

  public static void main(String[] args) {
    ChainStorage storage = StorageFixtures.open(Path.of(args[0]));
    Hash parent = Hash.ZERO;
    for (long n = 0; ; n++) {
      BlockHeader header = block(n, parent);
      byte[] state = new byte[64];
      LittleEndian.putLong(state, 0, n);
      try (BlockWrite write = storage.beginWrite()) {
        Hash root = write.putBlock(header, StorageFixtures.body(LEAF, n));
        write.setBestChain(LEAF, new ChainHead(new BlockNumber(n), root));
        write.putArchiverState(LEAF, state);
        write.commit();
        parent = root;
      }
      System.out.println("committed " + n);
      System.out.flush();
    }
  }
}
