package dev.annals.supersegment;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.LittleEndian;

/**
 * The leaf of a segment in its super segment's tree: {@code H(shard u32 ‖ position u32 ‖ local
 * index u64 ‖ segment root)}, 48 bytes hashed. The position is inside the hash so that the same
 * segment cannot be proven at another position.
 */
public final class SegmentLeaf {
  /** Bytes hashed per leaf. */
  public static final int INPUT_SIZE = 4 + 4 + 8 + Hash.SIZE;

  private static final Blake3 BLAKE3 = Kernels.blake3();

  private SegmentLeaf() {}

  /** Writes the 48 leaf input bytes to {@code out[offset, +48)}. */
  public static void writeInput(
      int shard, int position, long localIndex, Hash segmentRoot, byte[] out, int offset) {
    LittleEndian.putInt(out, offset, shard);
    LittleEndian.putInt(out, offset + 4, position);
    LittleEndian.putLong(out, offset + 8, localIndex);
    segmentRoot.copyTo(out, offset + 16);
  }

  /** The 32-byte leaf hash. */
  public static byte[] hash(int shard, int position, long localIndex, Hash segmentRoot) {
    byte[] input = new byte[INPUT_SIZE];
    writeInput(shard, position, localIndex, segmentRoot, input, 0);
    return BLAKE3.hash(input);
  }

  /** Leaf hashes of {@code count} inputs laid end to end, written back to back into {@code out}. */
  static void hashAll(byte[] inputs, int count, byte[] out) {
    BLAKE3.hashBatch(inputs, 0, INPUT_SIZE, count, out, 0);
  }
}
