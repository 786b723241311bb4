package dev.annals.benchmarks.pot;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.ffm.CProofOfTime;
import dev.annals.kernel.ffm.NativeLibrary;
import dev.annals.kernel.pot.AesProofOfTime;
import dev.annals.kernel.pot.ProofOfTime;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proof of time for one slot (2^22 iterations), Java against C side by side: proving (the baseline
 * of each kernel) and verifying, whose ratio is what block import pays per slot. {@code java} is
 * the JDK-AES kernel as {@code Kernels} builds it (verification on up to 8 threads); the C paths
 * verify on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PotKernelBenchmark {
  private static final long ITERATIONS = 1 << 22;
  private static final byte[] SEED = HexFormat.of().parseHex("d666ccd8d593c23da8db6b5b1413b13a");

  @Param({"java", "c-vaes", "c-aesni", "c-portable"})
  public String kernel;

  private ProofOfTime pot;
  private byte[] checkpoints;

  @Setup(Level.Trial)
  public void setUp() {
    pot =
        switch (kernel) {
          case "java" ->
              new AesProofOfTime(
                  Kernels.blake3(), Math.min(8, Runtime.getRuntime().availableProcessors()));
          case "c-vaes" -> c(CProofOfTime.Path.VAES);
          case "c-aesni" -> c(CProofOfTime.Path.AES_NI);
          case "c-portable" -> c(CProofOfTime.Path.PORTABLE);
          default -> throw new IllegalArgumentException("unknown kernel " + kernel);
        };
    checkpoints = pot.prove(SEED, ITERATIONS);
  }

  private static CProofOfTime c(CProofOfTime.Path path) {
    if (!(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded loaded)) {
      throw new IllegalStateException(
          "the C kernels library is not loaded: " + NativeLibrary.get());
    }
    return new CProofOfTime(loaded.library(), Kernels.blake3(), path);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (pot instanceof AesProofOfTime java) {
      java.close();
    }
  }

  @Benchmark
  public byte[] prove() {
    return pot.prove(SEED, ITERATIONS);
  }

  @Benchmark
  public boolean verify() {
    return pot.verify(SEED, ITERATIONS, checkpoints);
  }
}
