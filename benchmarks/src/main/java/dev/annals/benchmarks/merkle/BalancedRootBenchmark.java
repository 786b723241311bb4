package dev.annals.benchmarks.merkle;

import dev.annals.kernel.merkle.BalancedMerkleTree;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Balanced Merkle root of 65 536 leaves (a record's s-buckets); Rust reference 0.56 ms. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class BalancedRootBenchmark {
  private static final int LEAVES = 1 << 16;

  private final byte[] leaves = new byte[32 * LEAVES];

  @Setup
  public void setup() {
    new Random(1).nextBytes(leaves);
  }

  @Benchmark
  public byte[] balancedRoot65536() {
    return BalancedMerkleTree.root(leaves, 0, LEAVES);
  }
}
