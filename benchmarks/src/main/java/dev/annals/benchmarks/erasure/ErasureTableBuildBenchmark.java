package dev.annals.benchmarks.erasure;

import dev.annals.kernel.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the field tables (LOG, EXP, SKEW, LOG_WALSH and the extended lookup tables), built lazily
 * on the first encode: the first, tiny encode in a fresh JVM, one shot per fork.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ErasureTableBuildBenchmark {
  @Benchmark
  public byte[][] firstEncodeInFreshJvm() {
    return Kernels.erasureCoder().encode(new byte[][] {new byte[2], new byte[2]}, 1);
  }
}
