package dev.annals.benchmarks.consensus;

import dev.annals.consensus.shard.ShardCommitmentTree;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.solution.ShardCommitment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A production shard commitment tree (2^20 leaves): the whole build on the fork-join pool and on
 * one thread, against its two parts measured alone as the baseline (the 32 MiB keyed XOF, and the
 * kernel's balanced root over ready leaves), plus one reveal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShardCommitmentTreeBenchmark {
  private static final int LOG2 = 20;
  private final Hash seed = Hash.blake3(new byte[32]);
  private final HistorySize historySize = new HistorySize(1000);
  private byte[] leaves;
  private ShardCommitmentTree tree;

  @Setup(Level.Trial)
  public void setUp() {
    leaves = new byte[32 << LOG2];
    Kernels.blake3()
        .newKeyedHasher(seed.toBytes())
        .update(new byte[8])
        .finish(leaves, 0, leaves.length);
    tree = ShardCommitmentTree.build(seed, historySize, LOG2);
  }

  @Benchmark
  public Hash buildParallel() {
    return ShardCommitmentTree.build(seed, historySize, LOG2, true).root();
  }

  @Benchmark
  public Hash buildOneThread() {
    return ShardCommitmentTree.build(seed, historySize, LOG2, false).root();
  }

  @Benchmark
  public byte[] baselineXofOnly() {
    byte[] out = new byte[32 << LOG2];
    Kernels.blake3().newKeyedHasher(seed.toBytes()).update(new byte[8]).finish(out, 0, out.length);
    return out;
  }

  @Benchmark
  public byte[] baselineKernelRootOnly() {
    return BalancedMerkleTree.root(leaves);
  }

  @Benchmark
  public ShardCommitment reveal() {
    return tree.reveal(654_321);
  }
}
