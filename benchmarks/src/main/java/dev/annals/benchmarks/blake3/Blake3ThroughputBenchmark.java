package dev.annals.benchmarks.blake3;

import dev.annals.kernel.Blake3;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BLAKE3 of one 64 MiB buffer (1 GiB = 16 operations), single thread: Annals against commons-codec
 * and Bouncy Castle; {@code kernel} picks Annals' Java or C kernel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class Blake3ThroughputBenchmark {
  private byte[] input;

  @Param({"java", "c"})
  public String kernel;

  private Blake3 annals;

  @Setup
  public void setup() {
    annals = KeyedHash64Benchmark.kernel(kernel);
    input = Blake3Input.create(Blake3Input.SIZE);
  }

  @Benchmark
  public byte[] annals() {
    return annals.hash(input);
  }

  @Benchmark
  public byte[] commonsCodec() {
    return org.apache.commons.codec.digest.Blake3.hash(input);
  }

  @Benchmark
  public byte[] bouncyCastle() {
    Blake3Digest digest = new Blake3Digest(256);
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
