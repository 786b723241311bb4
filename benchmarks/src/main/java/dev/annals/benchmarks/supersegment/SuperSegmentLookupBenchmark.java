package dev.annals.benchmarks.supersegment;

import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.supersegment.PieceLocation;
import dev.annals.supersegment.SuperSegmentChain;
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

/**
 * Lookup of a uniformly random global piece index (production numbering) in a chain of 10 million
 * super segments: which super segment, which position, which piece position. The baseline reads one
 * random element of a 10-million-long array, i.e. one cache miss.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class SuperSegmentLookupBenchmark {
  private static final ProtocolParameters PRODUCTION = ProtocolParameters.PRODUCTION;
  private static final int QUERIES = 1 << 20;

  @Param({"10000000"})
  public int superSegments;

  private SuperSegmentChain chain;
  private long[] queries;
  private long[] baselineArray;
  private int next;

  @Setup(Level.Trial)
  public void setup() {
    chain = SyntheticChain.build(superSegments, 2);
    long pieces = (chain.maxSegmentIndex().value() + 1) * PRODUCTION.piecesPerSegment();
    SplittableRandom random = new SplittableRandom(3);
    queries = new long[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      queries[i] = random.nextLong(pieces);
    }
    baselineArray = new long[superSegments];
    for (int i = 0; i < superSegments; i++) {
      baselineArray[i] = i;
    }
  }

  @Benchmark
  public PieceLocation locatePiece() {
    long q = queries[next++ & (QUERIES - 1)];
    return chain.locate(new PieceIndex(q), PRODUCTION);
  }

  @Benchmark
  public long baselineOneRandomArrayRead() {
    long q = queries[next++ & (QUERIES - 1)];
    return baselineArray[(int) Long.remainderUnsigned(q, superSegments)];
  }
}
