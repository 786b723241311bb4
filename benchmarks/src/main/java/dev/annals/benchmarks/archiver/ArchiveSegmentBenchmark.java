package dev.annals.benchmarks.archiver;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.PieceVerifier;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Archives one production segment from 128 MiB of blocks (eight 16 MiB blocks and one more to close
 * the segment), with the per-record work on 1 thread or on all cores; and verifies the record part
 * of production pieces. Rust reference: 0.96 s single-threaded, 0.24 s multi-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
public class ArchiveSegmentBenchmark {
  private static final ProtocolParameters PRODUCTION = ProtocolParameters.PRODUCTION;

  /** 0 means all available cores. */
  @Param({"1", "0"})
  public int threads;

  private byte[][] blocks;
  private ForkJoinPool pool;
  private List<Piece> pieces;
  private ArchivedSegment segment;

  @Setup(Level.Trial)
  public void setup() {
    Random random = new Random(7);
    blocks = new byte[9][16 << 20];
    for (byte[] block : blocks) {
      random.nextBytes(block);
    }
    int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    pool = size == 1 ? null : new ForkJoinPool(size);
    segment = archiveOneSegment();
    pieces = segment.pieces();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.close();
    }
  }

  @Benchmark
  public ArchivedSegment archiveProductionSegment() {
    return archiveOneSegment();
  }

  /** One piece's record part (the segment is archived once in setup). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public Optional<?> verifyProductionPiece() {
    int position = 77;
    return new PieceVerifier(PRODUCTION)
        .firstFailure(pieces.get(position), position, segment.header().root(), null, null);
  }

  private ArchivedSegment archiveOneSegment() {
    SegmentArchiver archiver = SegmentArchiver.create(PRODUCTION, ShardIndex.BEACON, pool);
    for (byte[] block : blocks) {
      List<ArchivedSegment> done = archiver.addBlock(block);
      if (!done.isEmpty()) {
        return done.getFirst();
      }
    }
    throw new IllegalStateException("128 MiB of blocks did not close a segment");
  }
}
