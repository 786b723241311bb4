package dev.annals.kernel.erasure;

import dev.annals.kernel.ffm.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Bindings of the GF(2^16) C kernel ({@code gf16*.c}): transform layers, formal derivative, row
 * products and XORs on a work strip held in a Java {@code byte[]} (rows of whole 64-byte blocks in
 * the shard layout). All calls are critical downcalls on the array itself; callers keep each call
 * short by splitting transforms into groups of layers ({@link #CALL_BUDGET_BYTES}).
 *
 * <p>The C side checks every index against the array it is given and returns a negative code
 * instead of touching memory out of range; such a code here is a bug in the caller, reported as
 * {@link IllegalStateException}.
 */
final class NativeGf16 {
  /** Bytes of rows one call may sweep (over all its layers): about a millisecond of work. */
  static final long CALL_BUDGET_BYTES = 8L << 20;

  private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
  private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG;
  private static final FunctionDescriptor TRANSFORM =
      FunctionDescriptor.of(I, ValueLayout.ADDRESS, L, I, I, I, I, I, I, I, I);

  private final MethodHandle fft;
  private final MethodHandle ifft;
  private final MethodHandle formalDerivative;
  private final MethodHandle mulRows;
  private final MethodHandle xorRows;
  private final MethodHandle resolvePath;
  private final MethodHandle tables;

  NativeGf16(NativeLibrary library) {
    fft = library.function("annals_gf16_fft", TRANSFORM);
    ifft = library.function("annals_gf16_ifft", TRANSFORM);
    formalDerivative =
        library.function(
            "annals_gf16_formal_derivative",
            FunctionDescriptor.of(I, ValueLayout.ADDRESS, L, I, I, I, I, I));
    mulRows =
        library.function(
            "annals_gf16_mul_rows",
            FunctionDescriptor.of(I, ValueLayout.ADDRESS, L, I, I, I, ValueLayout.ADDRESS, L, I));
    xorRows =
        library.function(
            "annals_gf16_xor_rows",
            FunctionDescriptor.of(I, ValueLayout.ADDRESS, L, I, I, I, I, I));
    resolvePath = library.function("annals_gf16_path", FunctionDescriptor.of(I, I));
    tables =
        library.function(
            "annals_gf16_tables",
            FunctionDescriptor.of(
                I, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
  }

  /** The path code a request resolves to on this CPU, or a negative code if it cannot run. */
  int resolve(Gf16Path requested) {
    try {
      return (int) resolvePath.invokeExact(requested.code());
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  /** ifft(pos, size, truncated, skewDelta) on rows of rowBytes, in calls of a few layers each. */
  void ifft(byte[] work, int rowBytes, int pos, int size, int truncated, int skewDelta, int path) {
    int perCall = layersPerCall((long) size * rowBytes);
    for (int low = 1; low < size; ) {
      int high = Math.min(size >>> 1, low << (perCall - 1));
      check(call(ifft, work, rowBytes, pos, size, truncated, skewDelta, high, low, path), "ifft");
      low = high << 1;
    }
  }

  /** fft(pos, size, truncated, skewDelta) on rows of rowBytes, in calls of a few layers each. */
  void fft(byte[] work, int rowBytes, int pos, int size, int truncated, int skewDelta, int path) {
    int perCall = layersPerCall((long) size * rowBytes);
    for (int high = size >>> 1; high > 0; ) {
      int low = Math.max(1, high >>> (perCall - 1));
      check(call(fft, work, rowBytes, pos, size, truncated, skewDelta, high, low, path), "fft");
      high = low >>> 1;
    }
  }

  /** One fft call over layers high..low as given (no splitting); returns the C result code. */
  int rawFft(
      byte[] work,
      int rowBytes,
      int pos,
      int size,
      int truncated,
      int skewDelta,
      int high,
      int low,
      int path) {
    return call(fft, work, rowBytes, pos, size, truncated, skewDelta, high, low, path);
  }

  /** One ifft call over layers low..high as given (no splitting); returns the C result code. */
  int rawIfft(
      byte[] work,
      int rowBytes,
      int pos,
      int size,
      int truncated,
      int skewDelta,
      int high,
      int low,
      int path) {
    return call(ifft, work, rowBytes, pos, size, truncated, skewDelta, high, low, path);
  }

  /** The formal derivative over rows 0..n-1, in calls of a bounded number of steps. */
  void formalDerivative(byte[] work, int rowBytes, int n, int path) {
    // Steps move lowbit(i) rows each: about log2(n)/2 rows per step on average.
    long perStep = (long) rowBytes * Math.max(1, Integer.numberOfTrailingZeros(n));
    int steps = (int) Math.max(1, Math.min(n, CALL_BUDGET_BYTES / perStep));
    for (int from = 1; from < n; from += steps) {
      int to = Math.min(n, from + steps);
      try {
        check(
            (int)
                formalDerivative.invokeExact(
                    MemorySegment.ofArray(work), (long) work.length, rowBytes, n, from, to, path),
            "formal derivative");
      } catch (Throwable e) {
        throw rethrow(e);
      }
    }
  }

  /**
   * Multiplies rows firstRow..firstRow+rows-1 each by the element with logarithm logs[row] (row
   * indices are absolute); rows whose entry is negative stay as they are.
   */
  void mulRows(byte[] work, int rowBytes, int firstRow, int rows, int[] logs, int path) {
    int perCall = (int) Math.max(1, CALL_BUDGET_BYTES / rowBytes);
    for (int row = firstRow; row < firstRow + rows; row += perCall) {
      int count = Math.min(perCall, firstRow + rows - row);
      try {
        check(
            (int)
                mulRows.invokeExact(
                    MemorySegment.ofArray(work),
                    (long) work.length,
                    rowBytes,
                    row,
                    count,
                    MemorySegment.ofArray(logs),
                    (long) logs.length,
                    path),
            "row products");
      } catch (Throwable e) {
        throw rethrow(e);
      }
    }
  }

  /** Rows dstRow.. ^= rows srcRow.. over the given number of rows (ranges must not overlap). */
  void xorRows(byte[] work, int rowBytes, int dstRow, int srcRow, int rows, int path) {
    try {
      check(
          (int)
              xorRows.invokeExact(
                  MemorySegment.ofArray(work),
                  (long) work.length,
                  rowBytes,
                  dstRow,
                  srcRow,
                  rows,
                  path),
          "row XOR");
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  /** Copies the C side's LOG, EXP (65536 each) and SKEW (65535) tables, for the tests. */
  void copyTables(char[] log, char[] exp, char[] skew) {
    if (log.length != Gf16.ORDER || exp.length != Gf16.ORDER || skew.length != Gf16.MODULUS) {
      throw new IllegalArgumentException(
          "table sizes must be 65536, 65536, 65535, got "
              + log.length
              + ", "
              + exp.length
              + ", "
              + skew.length);
    }
    try {
      check(
          (int)
              tables.invokeExact(
                  MemorySegment.ofArray(log),
                  MemorySegment.ofArray(exp),
                  MemorySegment.ofArray(skew)),
          "tables");
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  /** Layers per call so one call sweeps at most about CALL_BUDGET_BYTES. */
  private static int layersPerCall(long layerBytes) {
    return (int) Math.max(1, Math.min(16, CALL_BUDGET_BYTES / Math.max(1, layerBytes)));
  }

  private static int call(
      MethodHandle handle,
      byte[] work,
      int rowBytes,
      int pos,
      int size,
      int truncated,
      int skewDelta,
      int high,
      int low,
      int path) {
    try {
      return (int)
          handle.invokeExact(
              MemorySegment.ofArray(work),
              (long) work.length,
              rowBytes,
              pos,
              size,
              truncated,
              skewDelta,
              high,
              low,
              path);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  private static void check(int code, String what) {
    if (code != 0) {
      throw new IllegalStateException(
          "GF(2^16) C kernel rejected a " + what + " call (code " + code + "): a caller bug");
    }
  }

  private static RuntimeException rethrow(Throwable e) {
    if (e instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("GF(2^16) C kernel call failed", e);
  }
}
