package dev.annals.benchmarks.consensus;

import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One shard and commitment index derivation, against the bare keyed hash it is built on. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShardDerivationBenchmark {
  private final Hash publicKeyHash = Hash.blake3(new byte[] {1});
  private final Hash root = Hash.blake3(new byte[] {2});
  private final MembershipEntropy entropy = new MembershipEntropy(Bytes.zeros(16));
  private final HistorySize historySize = new HistorySize(1000);
  private final NumShards numShards = new NumShards(1023, 1023);
  private final byte[] key = publicKeyHash.toBytes();
  private final byte[] input = new byte[56];

  @Benchmark
  public ShardAssignment derive() {
    return ShardAssignment.derive(publicKeyHash, root, entropy, historySize, numShards, 20);
  }

  @Benchmark
  public byte[] baselineKeyedHash56() {
    return Kernels.blake3().keyedHash(key, input);
  }
}
