package dev.annals.benchmarks.merkle;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Balanced Merkle root of 65 536 leaves (a record's s-buckets); Rust reference 0.56 ms. Merkle
 * trees hash with the process-wide {@code Kernels.blake3()}, so {@code kernel} sets {@code
 * -Dannals.kernels} in the benchmark's own fork (JMH forks one JVM per parameter value) before the
 * kernels are first touched, and checks that it took.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class BalancedRootBenchmark {
  private static final int LEAVES = 1 << 16;

  private final byte[] leaves = new byte[32 * LEAVES];

  @Param({"java", "c"})
  public String kernel;

  @Setup
  public void setup() {
    System.setProperty(Kernels.PROPERTY, kernel);
    String name = Kernels.blake3().name();
    if (!name.startsWith(kernel)) {
      throw new IllegalStateException(
          "asked for the " + kernel + " kernel but Kernels were already set to " + name);
    }
    new Random(1).nextBytes(leaves);
  }

  @Benchmark
  public byte[] balancedRoot65536() {
    return BalancedMerkleTree.root(leaves, 0, LEAVES);
  }
}
