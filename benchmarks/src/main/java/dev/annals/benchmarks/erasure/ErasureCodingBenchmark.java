package dev.annals.benchmarks.erasure;

import dev.annals.kernel.erasure.CErasureCoder;
import dev.annals.kernel.erasure.ErasureCoder;
import dev.annals.kernel.erasure.Gf16Path;
import dev.annals.kernel.erasure.JavaErasureCoder;
import dev.annals.kernel.ffm.NativeLibrary;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reed-Solomon encode and decode at the archiver's two shapes: 128:128 shards of 1 MiB (one
 * segment's source records) and 32768:32768 shards of 32 bytes (one record's chunk extension).
 * Baselines over the same bytes: XOR of all originals into one parity shard, and a plain copy.
 * Throughput in GiB/s of originals = (k · shardBytes) / (time per op).
 *
 * <p>{@code kernel}: {@code java} (JavaErasureCoder) or {@code c} (CErasureCoder on the best path
 * of this CPU); {@code c-portable}, {@code c-avx2} and {@code c-avx512} force one C path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class ErasureCodingBenchmark {
  @Param({"128:128:1048576", "32768:32768:32"})
  public String shape;

  @Param({"java", "c"})
  public String kernel;

  private ErasureCoder coder;
  private int k;
  private int r;
  private int shardBytes;
  private byte[] originals;
  private byte[] recovery;
  private byte[] copy;
  private byte[] parity;
  private byte[][] originalShards;
  private byte[][] recoveryShards;

  @Setup(Level.Trial)
  public void setUp() {
    coder = coder(kernel);
    String[] parts = shape.split(":");
    k = Integer.parseInt(parts[0]);
    r = Integer.parseInt(parts[1]);
    shardBytes = Integer.parseInt(parts[2]);
    originals = new byte[k * shardBytes];
    new SplittableRandom(1).nextBytes(originals);
    recovery = new byte[r * shardBytes];
    copy = new byte[originals.length];
    parity = new byte[shardBytes];
    coder.encode(k, r, shardBytes, originals, 0, recovery, 0);
    originalShards = new byte[k][];
    recoveryShards = new byte[r][];
    for (int i = 0; i < k; i++) {
      originalShards[i] = new byte[shardBytes];
      System.arraycopy(originals, i * shardBytes, originalShards[i], 0, shardBytes);
    }
    for (int j = 0; j < r; j++) {
      recoveryShards[j] = new byte[shardBytes];
      System.arraycopy(recovery, j * shardBytes, recoveryShards[j], 0, shardBytes);
    }
  }

  @Benchmark
  public byte[] encode() {
    coder.encode(k, r, shardBytes, originals, 0, recovery, 0);
    return recovery;
  }

  /** Every other original lost (half of them), rebuilt from the survivors and recovery 0..k/2. */
  @Benchmark
  public void decodeHalfMissing(Blackhole blackhole) {
    byte[][] someOriginals = new byte[k][];
    byte[][] someRecovery = new byte[r][];
    for (int i = 0; i < k; i++) {
      if ((i & 1) == 0) {
        someOriginals[i] = originalShards[i];
      }
    }
    for (int j = 0; j < (k + 1) / 2; j++) {
      someRecovery[j] = recoveryShards[j];
    }
    blackhole.consume(
        coder.recoverOriginals(
            k, r, evenIndices(k), pick(someOriginals), indices((k + 1) / 2), pick(someRecovery)));
  }

  /** Baseline: one parity shard, the XOR of all originals (what r = 1 computes), word-wise. */
  @Benchmark
  public byte[] baselineXorParity() {
    java.util.Arrays.fill(parity, (byte) 0);
    for (int i = 0; i < k; i++) {
      int base = i * shardBytes;
      for (int b = 0; b < shardBytes; b++) {
        parity[b] ^= originals[base + b];
      }
    }
    return parity;
  }

  /** Baseline: copying the originals once. */
  @Benchmark
  public byte[] baselineArraycopy() {
    System.arraycopy(originals, 0, copy, 0, originals.length);
    return copy;
  }

  private static ErasureCoder coder(String kernel) {
    if (kernel.equals("java")) {
      return new JavaErasureCoder();
    }
    if (!(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded loaded)) {
      throw new IllegalStateException("kernel=" + kernel + " but the C kernels did not load");
    }
    return switch (kernel) {
      case "c" -> new CErasureCoder(loaded.library());
      case "c-portable", "c-avx2", "c-avx512" ->
          new CErasureCoder(
              loaded.library(), Gf16Path.valueOf(kernel.substring(2).toUpperCase(Locale.ROOT)));
      default -> throw new IllegalArgumentException("unknown kernel " + kernel);
    };
  }

  private static int[] evenIndices(int k) {
    int[] out = new int[(k + 1) / 2];
    for (int n = 0; n < out.length; n++) {
      out[n] = 2 * n;
    }
    return out;
  }

  private static int[] indices(int count) {
    int[] out = new int[count];
    for (int n = 0; n < count; n++) {
      out[n] = n;
    }
    return out;
  }

  private static byte[][] pick(byte[][] slots) {
    int present = 0;
    for (byte[] s : slots) {
      present += s == null ? 0 : 1;
    }
    byte[][] out = new byte[present][];
    int n = 0;
    for (byte[] s : slots) {
      if (s != null) {
        out[n++] = s;
      }
    }
    return out;
  }
}
