package dev.annals.kernel.erasure;

/**
 * Systematic Reed-Solomon erasure coding over GF(2^16), bit-exact with the high-rate coder of the
 * Rust crate reed-solomon-simd 3.x ({@code HighRateEncoder} / {@code HighRateDecoder}), which is
 * what Abundance uses. k original shards are extended with r recovery shards; any k of the k + r
 * shards give back the originals.
 *
 * <p>Supported counts: 0 < k, 0 < r and nextPowerOfTwo(r) + k ≤ 65536 (see {@link
 * ErasureParameters}). Shards are all the same length, which must be even and non-zero. Bad input
 * throws {@link IllegalArgumentException} naming the problem; an answer is never silently wrong.
 *
 * <p>Implementations are thread-safe and keep no state between calls.
 */
public interface ErasureCoder {
  /** Which implementation this is, for logs: "java", or "c-" and the C path ("c-avx512"). */
  String name();

  /**
   * Encodes k originals laid end to end in {@code originals[originalsOffset, + k·shardBytes)} into
   * r recovery shards written end to end to {@code recovery[recoveryOffset, + r·shardBytes)}.
   */
  void encode(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[] originals,
      int originalsOffset,
      byte[] recovery,
      int recoveryOffset);

  /** Encodes the originals into {@code recovery.length} recovery shards written into recovery. */
  void encode(byte[][] originals, byte[][] recovery);

  /**
   * Encodes bytes {@code [offset, offset + length)} of every original, taken as shards of {@code
   * length} bytes, into the same bytes of every recovery shard (the rest of the recovery shards is
   * left alone). Coding works column by column within 64-byte blocks, so with {@code offset} a
   * multiple of 64 and {@code length} a multiple of 64 (or reaching the end of the shards) this
   * equals those bytes of {@link #encode(byte[][], byte[][])}: one large encoding can be split into
   * column ranges run on different threads.
   */
  void encode(byte[][] originals, byte[][] recovery, int offset, int length);

  /** Encodes the originals into {@code recoveryCount} new recovery shards. */
  default byte[][] encode(byte[][] originals, int recoveryCount) {
    if (originals.length == 0 || originals[0] == null) {
      throw new IllegalArgumentException(
          "originals: need at least one non-null shard, got " + originals.length + " shards");
    }
    byte[][] recovery = new byte[Math.max(recoveryCount, 0)][originals[0].length];
    encode(originals, recovery);
    return recovery;
  }

  /**
   * Restores the missing originals from any k of the k + r shards. {@code originalIndices[i]} is
   * the index (0..k-1) of {@code originalShards[i]}, {@code recoveryIndices[j]} the index (0..r-1)
   * of {@code recoveryShards[j]}. Returns all k originals in index order: the given arrays for the
   * ones present, new arrays for the restored ones.
   *
   * @throws IllegalArgumentException on unsupported counts, bad or repeated indices, shards of
   *     unequal or odd length, or fewer than k shards in all
   */
  byte[][] recoverOriginals(
      int originalCount,
      int recoveryCount,
      int[] originalIndices,
      byte[][] originalShards,
      int[] recoveryIndices,
      byte[][] recoveryShards);

  /**
   * Fills every null slot: originals (length k) and recovery (length r) hold the shards present and
   * null where one is missing. Missing originals are decoded first; then, if any recovery shard is
   * missing, all recovery shards are re-encoded and the missing ones filled in (as Abundance's
   * {@code recover()} does).
   */
  void recoverAll(byte[][] originals, byte[][] recovery);
}
