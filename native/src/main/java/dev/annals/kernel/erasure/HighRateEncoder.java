package dev.annals.kernel.erasure;

import java.util.Arrays;

/**
 * The chunked high-rate encoder of reed-solomon-simd ({@code HighRateEncoder}). With m the next
 * power of two of the recovery count, the originals are cut into chunks of m rows; each chunk is
 * inverse-transformed with skew offset (chunk start + m) and the results are XORed together; one
 * forward transform of m rows then yields the recovery shards in rows 0..r-1.
 *
 * <p>Inputs are checked by the caller ({@link JavaErasureCoder}).
 */
final class HighRateEncoder {
  private HighRateEncoder() {}

  /**
   * Encodes originals (shard i at originals[i], byte offset originalOffsets[i]) into recovery
   * shards (shard j at recovery[j], offset recoveryOffsets[j]).
   */
  static void encode(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[][] originals,
      int[] originalOffsets,
      byte[][] recovery,
      int[] recoveryOffsets) {
    int m = Strips.nextPowerOfTwo(recoveryCount);
    int shardElements = shardBytes >>> 1;
    int rows = originalCount > m ? 2 * m : m;
    int width = Strips.width(shardElements, rows);
    long[] work = new long[rows * ShardLayout.words(width)];
    int[] table = new int[RowOps.SPLIT_TABLE_SIZE];
    for (int first = 0; first < shardElements; first += width) {
      int count = Math.min(width, shardElements - first);
      encodeStrip(
          originalCount,
          recoveryCount,
          m,
          shardBytes,
          originals,
          originalOffsets,
          first,
          count,
          work,
          table);
      for (int j = 0; j < recoveryCount; j++) {
        ShardLayout.write(
            work,
            j * ShardLayout.words(count),
            recovery[j],
            recoveryOffsets[j],
            shardBytes,
            first,
            count);
      }
    }
  }

  private static void encodeStrip(
      int k,
      int r,
      int m,
      int shardBytes,
      byte[][] originals,
      int[] offsets,
      int first,
      int count,
      long[] work,
      int[] table) {
    int stride = ShardLayout.words(count);
    // Rows 0..m-1 accumulate; rows m..2m-1 hold the current chunk when k > m.
    int firstChunk = Math.min(k, m);
    for (int i = 0; i < firstChunk; i++) {
      ShardLayout.read(originals[i], offsets[i], shardBytes, first, count, work, i * stride);
    }
    Arrays.fill(work, firstChunk * stride, m * stride, 0L);
    AdditiveFft.ifft(work, stride, 0, m, firstChunk, m, table);
    for (int chunk = m; chunk < k; chunk += m) {
      int rowsHere = Math.min(m, k - chunk);
      for (int i = 0; i < rowsHere; i++) {
        ShardLayout.read(
            originals[chunk + i],
            offsets[chunk + i],
            shardBytes,
            first,
            count,
            work,
            (m + i) * stride);
      }
      Arrays.fill(work, (m + rowsHere) * stride, 2 * m * stride, 0L);
      AdditiveFft.ifft(work, stride, m, m, rowsHere, chunk + m, table);
      RowOps.xor(work, m * stride, work, 0, m * stride);
    }
    AdditiveFft.fft(work, stride, 0, m, r, 0, table);
  }
}
