package dev.annals.benchmarks.supersegment;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.PieceVerifier;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.supersegment.LightClient;
import dev.annals.supersegment.PieceFailure;
import dev.annals.supersegment.PieceLocation;
import dev.annals.supersegment.SegmentLanding;
import dev.annals.supersegment.SegmentProofs;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Full verification of production pieces by global index on one thread: one real production segment
 * (archived once in setup, about 12 s) landed at position 500 of a 1000-segment super segment, so
 * its segment proof has 10 hashes. The baseline is the archiver's record part alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
public class FullPieceVerificationBenchmark {
  private static final ProtocolParameters PRODUCTION = ProtocolParameters.PRODUCTION;
  private static final ShardIndex SHARD = ShardIndex.intermediate(1);
  private static final int POSITION = 500;

  private LightClient client;
  private List<Piece> pieces;
  private long firstPieceIndex;
  private int next;

  @Setup(Level.Trial)
  public void setup() {
    Random random = new Random(9);
    SegmentArchiver archiver = SegmentArchiver.create(PRODUCTION, SHARD, null);
    ArchivedSegment segment = null;
    while (segment == null) {
      byte[] block = new byte[16 << 20];
      random.nextBytes(block);
      List<ArchivedSegment> done = archiver.addBlock(block);
      if (!done.isEmpty()) {
        segment = done.getFirst();
      }
    }
    SuperSegment first =
        SuperSegment.first(
            new BlockNumber(1),
            new ShardSegmentRoot(ShardIndex.BEACON, LocalSegmentIndex.ZERO, randomHash(random)));
    List<ShardSegmentRoot> roots = new ArrayList<>();
    for (int p = 0; p < 1000; p++) {
      roots.add(
          p == POSITION
              ? new ShardSegmentRoot(SHARD, LocalSegmentIndex.ZERO, segment.header().root())
              : new ShardSegmentRoot(
                  ShardIndex.intermediate(2), new LocalSegmentIndex(p), randomHash(random)));
    }
    SuperSegment second = SuperSegment.next(first.header(), new BlockNumber(2), roots);
    pieces = SegmentLanding.landAll(segment.pieces(), second, PRODUCTION);
    client = new LightClient(PRODUCTION);
    client.acceptHeaders(List.of(first.header(), second.header()));
    firstPieceIndex =
        second.globalSegmentIndex(new SegmentPosition(POSITION)).value()
            * PRODUCTION.piecesPerSegment();
    for (int q = 0; q < pieces.size(); q++) {
      Optional<PieceFailure> failure =
          client.verify(pieces.get(q), new PieceIndex(firstPieceIndex + q));
      if (failure.isPresent()) {
        throw new IllegalStateException("piece " + q + " does not verify: " + failure.get());
      }
    }
  }

  private static Hash randomHash(Random random) {
    byte[] b = new byte[Hash.SIZE];
    random.nextBytes(b);
    return Hash.wrap(b);
  }

  @Benchmark
  public Optional<PieceFailure> verifyFullPiece() {
    int q = next++ & (PRODUCTION.piecesPerSegment() - 1);
    return client.verify(pieces.get(q), new PieceIndex(firstPieceIndex + q));
  }

  /** The part this module adds: locate the index, check the header fields and the segment proof. */
  @Benchmark
  public boolean superSegmentPartOnly() {
    int q = next++ & (PRODUCTION.piecesPerSegment() - 1);
    Piece piece = pieces.get(q);
    PieceLocation at = client.locate(new PieceIndex(firstPieceIndex + q));
    PieceHeader h = piece.header();
    return h.superSegmentIndex().equals(at.segment().superSegment())
        && h.segmentPosition().equals(at.segment().position())
        && client
            .chain()
            .contains(
                at.segment(),
                h.shardIndex().value(),
                h.localSegmentIndex().value(),
                h.segmentRoot(),
                SegmentProofs.usedPrefix(h.segmentProof()));
  }

  @Benchmark
  public Optional<?> baselineRecordPartOnly() {
    int q = next++ & (PRODUCTION.piecesPerSegment() - 1);
    Piece piece = pieces.get(q);
    return new PieceVerifier(PRODUCTION)
        .firstFailure(piece, q, piece.header().segmentRoot(), null, null);
  }
}
