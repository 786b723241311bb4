package dev.annals.benchmarks.pos;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.ffm.CProofOfSpace;
import dev.annals.kernel.pos.ChiaProofOfSpace;
import dev.annals.kernel.pos.PosParameters;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.ProofOfSpace;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Proof of space at the production size (k = 20, 65536 s-buckets): all tables plus the record's
 * 32768 proofs on one thread (Abundance: proofs/single 643–714 ms on a desktop), and verifying one
 * proof (Abundance: 6.5 µs). {@code kernel} picks the Java build or the C one ({@code c} needs the
 * C kernels library; verification is Java's in both).
 */
@State(Scope.Thread)
public class PosBenchmark {
  private static final byte[] SEED =
      HexFormat.of().parseHex("23023404333717545b0a6f0c0dde9710e4d3fe2d5cc6cc0a090a0b818bab0f17");

  @Param({"java", "c"})
  public String kernel;

  private ProofOfSpace singleThread;
  private ProofOfSpace allThreads;
  private byte[] proof;
  private int sBucket;

  @Setup
  public void setUp() {
    singleThread = create(1);
    allThreads = create(Runtime.getRuntime().availableProcessors());
    PosProofs proofs = singleThread.createProofs(SEED);
    sBucket = 31500;
    proof = proofs.proof(sBucket);
  }

  private ProofOfSpace create(int threads) {
    ChiaProofOfSpace java =
        new ChiaProofOfSpace(
            PosParameters.PRODUCTION, Kernels.blake3(), Kernels.chacha8(), threads);
    return switch (kernel) {
      case "java" -> java;
      case "c" ->
          new CProofOfSpace(
              Kernels.nativeLibrary()
                  .orElseThrow(() -> new IllegalStateException("C kernels library not loaded")),
              PosParameters.PRODUCTION,
              java,
              threads);
      default -> throw new IllegalArgumentException("kernel must be java or c, got " + kernel);
    };
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public PosProofs tablesAndProofsK20SingleThread() {
    return singleThread.createProofs(SEED);
  }

  /** The same table and proofs with the build spread over every core. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public PosProofs tablesAndProofsK20AllThreads() {
    return allThreads.createProofs(SEED);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean verifyK20() {
    return singleThread.verify(SEED, sBucket, proof);
  }
}
