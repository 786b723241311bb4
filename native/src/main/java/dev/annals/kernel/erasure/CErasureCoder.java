package dev.annals.kernel.erasure;

import dev.annals.kernel.ffm.NativeLibrary;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link ErasureCoder} on the GF(2^16) C kernel: the same encoder and decoder as {@link
 * JavaErasureCoder} (docs/kernels-erasure.md), with the transforms, formal derivative and row
 * products done in C (vpshufb nibble tables on AVX2 / AVX-512, log/exp tables otherwise). Java
 * keeps the bookkeeping: argument checks (shared with the Java coder), the error locator (two
 * Walsh-Hadamard transforms, independent of the shard size) and copying strips of shards into a
 * work array in the crate's block layout ({@link BlockRows}).
 *
 * <p>Like the Java coder it walks the shards in strips of columns (about {@link #STRIP_BYTES} of
 * work rows) and runs every layer on a strip while it is in cache.
 */
public final class CErasureCoder extends CheckedErasureCoder {
  /**
   * Work rows per strip: half a core's L2 here; fused layers made 512 KiB ~10 % faster than 256.
   */
  static final int STRIP_BYTES = 512 << 10;

  private final NativeGf16 kernel;
  private final int path;
  private final String name;

  /** The coder on the best path this CPU supports. */
  public CErasureCoder(NativeLibrary library) {
    this(library, Gf16Path.AUTO);
  }

  /**
   * The coder on a given path.
   *
   * @throws IllegalArgumentException if this CPU cannot run that path
   */
  public CErasureCoder(NativeLibrary library, Gf16Path path) {
    this.kernel = new NativeGf16(library);
    int resolved = kernel.resolve(path);
    if (resolved <= 0) {
      throw new IllegalArgumentException(
          "GF(2^16) C kernel path " + path + " is not supported on this CPU");
    }
    this.path = resolved;
    this.name = "c-" + Gf16Path.ofCode(resolved).name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String name() {
    return name;
  }

  /** The path in use (never AUTO). */
  public Gf16Path path() {
    return Gf16Path.ofCode(path);
  }

  @Override
  void encodeChecked(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[][] originals,
      int[] originalOffsets,
      byte[][] recovery,
      int[] recoveryOffsets) {
    int k = originalCount;
    int m = Strips.nextPowerOfTwo(recoveryCount);
    int rows = k > m ? 2 * m : m;
    int blockBytes = BlockRows.blockBytes(shardBytes);
    int blocks = BlockRows.blocks(shardBytes);
    int stripBlocks = BlockRows.stripBlocks(shardBytes, rows, STRIP_BYTES);
    byte[] work = new byte[rows * stripBlocks * blockBytes];
    int firstChunk = Math.min(k, m);
    for (int first = 0; first < blocks; first += stripBlocks) {
      int count = Math.min(stripBlocks, blocks - first);
      int rowBytes = count * blockBytes;
      // Rows 0..m-1 accumulate; rows m..2m-1 hold the current chunk when k > m.
      loadRows(originals, originalOffsets, 0, firstChunk, shardBytes, first, count, work, 0);
      Arrays.fill(work, firstChunk * rowBytes, m * rowBytes, (byte) 0);
      kernel.ifft(work, rowBytes, 0, m, firstChunk, m, path);
      for (int chunk = m; chunk < k; chunk += m) {
        int rowsHere = Math.min(m, k - chunk);
        loadRows(originals, originalOffsets, chunk, rowsHere, shardBytes, first, count, work, m);
        Arrays.fill(work, (m + rowsHere) * rowBytes, 2 * m * rowBytes, (byte) 0);
        kernel.ifft(work, rowBytes, m, m, rowsHere, chunk + m, path);
        kernel.xorRows(work, rowBytes, 0, m, m, path);
      }
      kernel.fft(work, rowBytes, 0, m, recoveryCount, 0, path);
      if (count * blockBytes == shardBytes
          && BlockRows.contiguous(recovery, recoveryOffsets, 0, recoveryCount, shardBytes)) {
        System.arraycopy(work, 0, recovery[0], recoveryOffsets[0], recoveryCount * shardBytes);
      } else {
        for (int j = 0; j < recoveryCount; j++) {
          BlockRows.store(
              work, j * rowBytes, recovery[j], recoveryOffsets[j], shardBytes, first, count);
        }
      }
    }
  }

  /**
   * Shards end to end, as the archiver's record extension (32768:32768 × 32 bytes) has them: when
   * the recovery range is exactly the work rows (a power-of-two recovery count at least the
   * original count, whole shards per row in one strip, rows aligned in the output array), the
   * transforms run in place on the output; no work array, no copy out, no per-shard bookkeeping.
   * The steps are those of {@link #encodeChecked} for k ≤ m, at row {@code pos} of the output.
   */
  @Override
  void encodeContiguousChecked(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[] originals,
      int originalsOffset,
      byte[] recovery,
      int recoveryOffset) {
    int k = originalCount;
    int m = recoveryCount;
    int rowBytes = BlockRows.blockBytes(shardBytes) * BlockRows.blocks(shardBytes);
    boolean inPlace =
        Integer.bitCount(m) == 1
            && k <= m
            && rowBytes == shardBytes
            && BlockRows.stripBlocks(shardBytes, m, STRIP_BYTES) == BlockRows.blocks(shardBytes)
            && recoveryOffset % rowBytes == 0;
    if (!inPlace) {
      super.encodeContiguousChecked(
          k, m, shardBytes, originals, originalsOffset, recovery, recoveryOffset);
      return;
    }
    int pos = recoveryOffset / rowBytes;
    System.arraycopy(originals, originalsOffset, recovery, recoveryOffset, k * rowBytes);
    Arrays.fill(recovery, recoveryOffset + k * rowBytes, recoveryOffset + m * rowBytes, (byte) 0);
    kernel.ifft(recovery, rowBytes, pos, m, k, m, path);
    kernel.fft(recovery, rowBytes, pos, m, m, 0, path);
  }

  /**
   * Loads blocks first..first+count-1 of shards from..from+rows-1 into work rows dstRow.. : one
   * copy when the rows are whole shards lying end to end (the archiver's 32-byte record chunks),
   * else shard by shard.
   */
  private static void loadRows(
      byte[][] shards,
      int[] offsets,
      int from,
      int rows,
      int shardBytes,
      int first,
      int count,
      byte[] work,
      int dstRow) {
    int rowBytes = count * BlockRows.blockBytes(shardBytes);
    if (rowBytes == shardBytes && BlockRows.contiguous(shards, offsets, from, rows, shardBytes)) {
      System.arraycopy(shards[from], offsets[from], work, dstRow * rowBytes, rows * rowBytes);
      return;
    }
    for (int i = 0; i < rows; i++) {
      BlockRows.load(
          shards[from + i],
          offsets[from + i],
          shardBytes,
          first,
          count,
          work,
          (dstRow + i) * rowBytes);
    }
  }

  @Override
  void decodeChecked(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[][] originals,
      byte[][] recovery,
      byte[][] restored) {
    int k = originalCount;
    int m = Strips.nextPowerOfTwo(recoveryCount);
    int end = m + k;
    int n = Strips.nextPowerOfTwo(end);
    int[] locator = HighRateDecoder.errorLocatorLogs(k, recoveryCount, m, originals, recovery);
    // Received rows are weighted by the locator; -1 leaves a row alone (missing rows are zero).
    int[] weights = new int[end];
    int[] unweights = new int[end];
    Arrays.fill(weights, -1);
    Arrays.fill(unweights, -1);
    for (int j = 0; j < recoveryCount; j++) {
      if (recovery[j] != null) {
        weights[j] = locator[j];
      }
    }
    for (int i = 0; i < k; i++) {
      if (originals[i] != null) {
        weights[m + i] = locator[m + i];
      } else {
        unweights[m + i] = Gf16.MODULUS - locator[m + i];
      }
    }

    int blockBytes = BlockRows.blockBytes(shardBytes);
    int blocks = BlockRows.blocks(shardBytes);
    int stripBlocks = BlockRows.stripBlocks(shardBytes, n, STRIP_BYTES);
    byte[] work = new byte[n * stripBlocks * blockBytes];
    for (int first = 0; first < blocks; first += stripBlocks) {
      int count = Math.min(stripBlocks, blocks - first);
      int rowBytes = count * blockBytes;
      Arrays.fill(work, 0, n * rowBytes, (byte) 0);
      for (int j = 0; j < recoveryCount; j++) {
        if (recovery[j] != null) {
          BlockRows.load(recovery[j], 0, shardBytes, first, count, work, j * rowBytes);
        }
      }
      for (int i = 0; i < k; i++) {
        if (originals[i] != null) {
          BlockRows.load(originals[i], 0, shardBytes, first, count, work, (m + i) * rowBytes);
        }
      }
      kernel.mulRows(work, rowBytes, 0, end, weights, path);
      kernel.ifft(work, rowBytes, 0, n, end, 0, path);
      kernel.formalDerivative(work, rowBytes, n, path);
      kernel.fft(work, rowBytes, 0, n, end, 0, path);
      kernel.mulRows(work, rowBytes, m, k, unweights, path);
      for (int i = 0; i < k; i++) {
        if (originals[i] == null) {
          BlockRows.store(work, (m + i) * rowBytes, restored[i], 0, shardBytes, first, count);
        }
      }
    }
  }
}
