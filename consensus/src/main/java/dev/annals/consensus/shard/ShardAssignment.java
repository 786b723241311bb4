package dev.annals.consensus.shard;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.codec.LittleEndian;

/**
 * Where a plot's solutions belong during one rotation: its leaf shard and the index of the
 * commitment leaf the farmer must reveal there.
 *
 * <p>{@code h = keyed BLAKE3(key = public key hash, commitments root ‖ membership entropy (16) ‖
 * history size (u64 LE, wire encoding: segments − 1))}; the leaf shard is {@code h} read as a
 * 256-bit little-endian number modulo the number of leaf shards, counted in leaf order
 * (intermediate shard 1's leaves 1, 2, …, then intermediate shard 2's, …); the commitment index is
 * {@code h[0..4)} as u32 LE modulo 2^leaves log2.
 */
public record ShardAssignment(ShardIndex leafShard, int commitmentIndex) {
  private static final Blake3 BLAKE3 = Kernels.blake3();
  private static final int INPUT_SIZE = Hash.SIZE + MembershipEntropy.SIZE + 8;

  /** Derives the assignment; {@code leavesLog2} is the preset's shard commitment leaves log2. */
  public static ShardAssignment derive(
      Hash publicKeyHash,
      Hash commitmentsRoot,
      MembershipEntropy entropy,
      HistorySize historySize,
      NumShards numShards,
      int leavesLog2) {
    if (leavesLog2 < 1 || leavesLog2 > 32) {
      throw new IllegalArgumentException(
          "shard_commitment_leaves_log2: must be in 1..=32 (value " + leavesLog2 + ")");
    }
    byte[] h = assignmentHash(publicKeyHash, commitmentsRoot, entropy, historySize);
    int offset = (int) leBytesModulo(h, numShards.leafShards());
    int perIntermediate = numShards.leafShardsPerIntermediate();
    ShardIndex parent = ShardIndex.intermediate(offset / perIntermediate + 1);
    ShardIndex leaf = ShardIndex.leaf(parent, offset % perIntermediate + 1);
    long mask = leavesLog2 == 32 ? 0xFFFF_FFFFL : (1L << leavesLog2) - 1;
    int index = (int) (Integer.toUnsignedLong(LittleEndian.getInt(h, 0)) & mask);
    return new ShardAssignment(leaf, index);
  }

  static byte[] assignmentHash(
      Hash publicKeyHash,
      Hash commitmentsRoot,
      MembershipEntropy entropy,
      HistorySize historySize) {
    byte[] input = new byte[INPUT_SIZE];
    commitmentsRoot.copyTo(input, 0);
    entropy.value().copyTo(input, Hash.SIZE);
    LittleEndian.putLong(input, Hash.SIZE + MembershipEntropy.SIZE, historySize.encoded());
    return BLAKE3.keyedHash(publicKeyHash.toBytes(), input);
  }

  /**
   * A 256-bit little-endian number modulo {@code m} (below 2^31), from the most significant 32-bit
   * limb down; the running remainder stays below 2^31 so {@code rem << 32 | limb} fits a long.
   */
  static long leBytesModulo(byte[] number, int m) {
    long rem = 0;
    for (int off = number.length - 4; off >= 0; off -= 4) {
      long limb = Integer.toUnsignedLong(LittleEndian.getInt(number, off));
      rem = Long.remainderUnsigned(rem << 32 | limb, m);
    }
    return rem;
  }
}
