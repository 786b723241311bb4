package dev.annals.kernel.erasure;

import java.util.Arrays;

/**
 * The high-rate decoder of reed-solomon-simd ({@code HighRateDecoder}). Rows: recovery shard j is
 * row j, original i is row m+i (m = next power of two of the recovery count). An error locator
 * polynomial, evaluated at every row by two Walsh-Hadamard transforms, weights the received rows;
 * an inverse FFT, a formal derivative and a forward FFT then give the erased rows up to the
 * locator's value there, which the last multiplication removes.
 *
 * <p>Inputs are checked by the caller ({@link JavaErasureCoder}); at least originalCount shards are
 * present.
 */
final class HighRateDecoder {
  private HighRateDecoder() {}

  /**
   * Restores every original whose slot in {@code originals} is null, writing it to {@code
   * restored[i]} (a fresh shardBytes-long array). Null slots in {@code recovery} are missing.
   */
  static void decode(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[][] originals,
      byte[][] recovery,
      byte[][] restored) {
    int m = Strips.nextPowerOfTwo(recoveryCount);
    int end = m + originalCount;
    int n = Strips.nextPowerOfTwo(end);
    int[] locator = errorLocatorLogs(originalCount, recoveryCount, m, originals, recovery);

    int shardElements = shardBytes >>> 1;
    int width = Strips.width(shardElements, n);
    long[] work = new long[n * ShardLayout.words(width)];
    int[] table = new int[RowOps.SPLIT_TABLE_SIZE];
    for (int first = 0; first < shardElements; first += width) {
      int count = Math.min(width, shardElements - first);
      int stride = ShardLayout.words(count);
      Arrays.fill(work, 0, n * stride, 0L);
      for (int j = 0; j < recoveryCount; j++) {
        if (recovery[j] != null) {
          loadWeighted(recovery[j], shardBytes, first, count, work, j, locator[j], table);
        }
      }
      for (int i = 0; i < originalCount; i++) {
        if (originals[i] != null) {
          loadWeighted(originals[i], shardBytes, first, count, work, m + i, locator[m + i], table);
        }
      }
      AdditiveFft.ifft(work, stride, 0, n, end, 0, table);
      AdditiveFft.formalDerivative(work, stride, n);
      AdditiveFft.fft(work, stride, 0, n, end, 0, table);
      for (int i = 0; i < originalCount; i++) {
        if (originals[i] == null) {
          int row = (m + i) * stride;
          RowOps.mul(work, row, stride, Gf16.MODULUS - locator[m + i], table);
          ShardLayout.write(work, row, restored[i], 0, shardBytes, first, count);
        }
      }
    }
  }

  private static void loadWeighted(
      byte[] shard,
      int shardBytes,
      int first,
      int count,
      long[] work,
      int row,
      int log,
      int[] table) {
    int stride = ShardLayout.words(count);
    ShardLayout.read(shard, 0, shardBytes, first, count, work, row * stride);
    RowOps.mul(work, row * stride, stride, log, table);
  }

  /**
   * Logarithms of the error locator polynomial's values at every row: the erasure indicator (1 at
   * missing rows and at the unused rows r..m-1), Walsh-transformed, multiplied in the log domain by
   * the transformed LOG table, and transformed back.
   */
  static int[] errorLocatorLogs(
      int originalCount, int recoveryCount, int m, byte[][] originals, byte[][] recovery) {
    int[] e = new int[Gf16.ORDER];
    for (int j = 0; j < recoveryCount; j++) {
      if (recovery[j] == null) {
        e[j] = 1;
      }
    }
    for (int j = recoveryCount; j < m; j++) {
      e[j] = 1;
    }
    for (int i = 0; i < originalCount; i++) {
      if (originals[i] == null) {
        e[m + i] = 1;
      }
    }
    Gf16.fwht(e);
    char[] logWalsh = Gf16.LOG_WALSH;
    for (int i = 0; i < Gf16.ORDER; i++) {
      // The product can reach 65535^2, past Integer.MAX_VALUE: keep it unsigned.
      int p = e[i] * logWalsh[i];
      e[i] = Gf16.addMod(p & 0xFFFF, p >>> 16);
    }
    Gf16.fwht(e);
    return e;
  }
}
