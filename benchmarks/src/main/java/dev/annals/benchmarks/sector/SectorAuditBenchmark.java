package dev.annals.benchmarks.sector;

import dev.annals.consensus.challenge.SolutionDistance;
import dev.annals.consensus.sector.AuditCandidate;
import dev.annals.consensus.sector.SectorAuditor;
import dev.annals.consensus.sector.SectorData;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorLayout;
import dev.annals.consensus.sector.SectorMetadata;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Auditing one full production-layout sector (1000 pieces, every s-bucket holding 500 chunks, as a
 * full plot does on average) for a new challenge each call. The sector is a sparse file of the
 * exact size: audit reads one s-bucket (16 KB) and hashes its chunks, and its cost does not depend
 * on the chunk values; the file sits in the page cache, so disk latency is not measured. Baseline:
 * the 500 keyed hashes alone on chunks in memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SectorAuditBenchmark {
  private static final ProtocolParameters P = ProtocolParameters.PRODUCTION;
  private static final int PER_S_BUCKET = 500;

  private Path file;
  private SectorData data;
  private SectorMetadata metadata;
  private SectorId sectorId;
  private final Random random = new Random(1);
  private final byte[] challenge = new byte[32];
  private final byte[] chunks = new byte[PER_S_BUCKET * 32];
  private final byte[] key = new byte[32];

  @Setup
  public void setUp() throws IOException {
    SectorLayout layout = new SectorLayout(P, P.maxPiecesInSector());
    file = Files.createTempFile("annals-audit-bench", ".sector");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(layout.sectorSize());
    }
    int[] sizes = new int[P.sBuckets()];
    Arrays.fill(sizes, PER_S_BUCKET);
    HistorySize history = new HistorySize(1000);
    metadata = new SectorMetadata(new SectorIndex(0), P.maxPiecesInSector(), sizes, history);
    sectorId =
        SectorId.derive(
            Hash.blake3(new byte[] {1}), Hash.blake3(new byte[] {2}), new SectorIndex(0), history);
    data = SectorData.open(file);
    random.nextBytes(chunks);
    random.nextBytes(key);
  }

  @TearDown
  public void tearDown() throws IOException {
    data.close();
    Files.deleteIfExists(file);
  }

  @Benchmark
  public List<AuditCandidate> auditSector() {
    random.nextBytes(challenge);
    return new SectorAuditor(P)
        .audit(data, metadata, sectorId, Hash.wrap(challenge.clone()), Long.MAX_VALUE / 500);
  }

  @Benchmark
  public long baselineKeyedHashes() {
    random.nextBytes(challenge);
    Hash g = Hash.wrap(challenge.clone());
    long min = -1L;
    for (int i = 0; i < PER_S_BUCKET; i++) {
      long d = SolutionDistance.of(g, key, chunks, i * 32);
      if (Long.compareUnsigned(d, min) < 0) {
        min = d;
      }
    }
    return min;
  }
}
