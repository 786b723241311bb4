package dev.annals.benchmarks.blake3;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.ffm.CBlake3;
import dev.annals.kernel.ffm.NativeLibrary;
import dev.annals.kernel.java.JavaBlake3;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Independent keyed BLAKE3 hashes of 64-byte inputs (the Merkle inner node), 2^20 per invocation
 * over a 64 MiB buffer; the score is time per hash, so 2^24 hashes (1 GiB) take 2^24 × score.
 * {@code kernel} picks Annals' Java or C kernel for {@code annalsBatch}; the other libraries ignore
 * it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class KeyedHash64Benchmark {
  private static final int COUNT = 1 << 20;

  private final byte[] key = new byte[32];
  private byte[] input;
  private final byte[] out = new byte[32 * COUNT];

  @Param({"java", "c"})
  public String kernel;

  private Blake3 annals;

  @Setup
  public void setup() {
    annals = kernel(kernel);
    input = Blake3Input.create(64 * COUNT);
    for (int i = 0; i < 32; i++) {
      key[i] = (byte) (3 * i + 1);
    }
  }

  @Benchmark
  @OperationsPerInvocation(COUNT)
  public byte[] annalsBatch() {
    annals.keyedHash64Batch(key, input, 0, COUNT, out, 0);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(COUNT)
  public byte[] commonsCodec() {
    for (int i = 0; i < COUNT; i++) {
      org.apache.commons.codec.digest.Blake3.initKeyedHash(key)
          .update(input, 64 * i, 64)
          .doFinalize(out, 32 * i, 32);
    }
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(COUNT)
  public byte[] bouncyCastle() {
    Blake3Digest digest = new Blake3Digest(256);
    Blake3Parameters params = Blake3Parameters.key(key);
    for (int i = 0; i < COUNT; i++) {
      digest.init(params);
      digest.update(input, 64 * i, 64);
      digest.doFinal(out, 32 * i);
    }
    return out;
  }

  /** The kernel named {@code java} or {@code c}; {@code c} fails when the library did not load. */
  static Blake3 kernel(String name) {
    return switch (name) {
      case "java" -> new JavaBlake3();
      case "c" ->
          switch (NativeLibrary.get()) {
            case NativeLibrary.LoadResult.Loaded l -> new CBlake3(l.library());
            case NativeLibrary.LoadResult.Unavailable u ->
                throw new IllegalStateException("no C kernels: " + u.reason());
          };
      default -> throw new IllegalArgumentException("unknown kernel " + name);
    };
  }
}
