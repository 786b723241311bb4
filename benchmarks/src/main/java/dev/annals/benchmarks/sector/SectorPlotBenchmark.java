package dev.annals.benchmarks.sector;

import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorLayout;
import dev.annals.consensus.sector.SectorMetadata;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;
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
 * Plotting production-layout sectors of a few pieces (a full 1000-piece sector takes tens of
 * minutes here; per-piece time extrapolates), written to a discarding channel so the disk is not
 * measured. Baseline in the same run: one record's PoS tables and proofs (k = 20), the bulk of a
 * piece's plotting cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SectorPlotBenchmark {
  private static final ProtocolParameters P = ProtocolParameters.PRODUCTION;

  @Param({"1", "8"})
  public int pieces;

  @Param({"1", "2"})
  public int threads;

  /**
   * Threads inside each table build; 0 = the plotter's default (single-threaded builds, one record
   * per worker). {@code -p threads=1 -p threadsPerBuild=2} is the other layout on 2 cores: one
   * record at a time, its build on both.
   */
  @Param({"0"})
  public int threadsPerBuild;

  private SectorPlotter plotter;

  private List<Piece> selected;
  private SectorId sectorId;
  private ProofOfSpace baselinePos;
  private byte[] seed;

  @Setup
  public void setUp() {
    selected = SyntheticPieces.of(P, pieces, 7);
    sectorId =
        SectorId.derive(
            Hash.blake3(new byte[] {1}),
            Hash.blake3(new byte[] {2}),
            new SectorIndex(0),
            new HistorySize(1000));
    baselinePos = Kernels.proofOfSpace(SectorLayout.posParameters(P), threads);
    // One plotter for every iteration, as a farm keeps one: its PoS buffers are reused.
    plotter = new SectorPlotter(P, threads, threadsPerBuild);
    seed = sectorId.evaluationSeed(new PieceOffset(0));
  }

  @Benchmark
  public SectorMetadata plotSector() throws IOException {
    return plotter.plot(
        sectorId, new SectorIndex(0), new HistorySize(1000), selected, new Discard());
  }

  /** Baseline: PoS tables and all proofs for one record with the same thread count. */
  @Benchmark
  public PosProofs baselineCreateProofs() {
    return baselinePos.createProofs(seed);
  }

  private static final class Discard implements WritableByteChannel {
    @Override
    public int write(ByteBuffer src) {
      int n = src.remaining();
      src.position(src.limit());
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
