package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.SegmentLanding;
import dev.annals.node.storage.StorageConfig;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The light-client path through the data-directory tools: pieces of two shards archived, folded
 * into two super segments and stored; {@code piece get} and {@code super-segments export} read them
 * back, and {@code piece verify} accepts each piece only under its own global index.
 */
class PieceToolsTest {
  private final ChainSpec devnet = ChainSpecs.load("devnet");
  private final ProtocolParameters params = devnet.parameters();

  @TempDir Path dir;

  @Test
  void aStoredPieceFetchedByGlobalIndexVerifiesWithTheExportedHeadersOnly() throws Exception {
    ShardIndex leaf = ShardIndex.leaf(ShardIndex.intermediate(1), 2);
    List<ArchivedSegment> beacon = archive(ShardIndex.BEACON, 1, 1);
    List<ArchivedSegment> leafSegments = archive(leaf, 2, 2);

    SuperSegment first =
        SuperSegment.first(
            new BlockNumber(1),
            new ShardSegmentRoot(
                ShardIndex.BEACON,
                beacon.getFirst().header().index(),
                beacon.getFirst().header().root()));
    List<ShardSegmentRoot> roots = new ArrayList<>();
    for (ArchivedSegment segment : leafSegments) {
      roots.add(new ShardSegmentRoot(leaf, segment.header().index(), segment.header().root()));
    }
    SuperSegment second = SuperSegment.next(first.header(), new BlockNumber(5), roots);

    Path dataDir = dir.resolve("node");
    try (ChainStorage storage = ChainStorage.open(dataDir, devnet, StorageConfig.DEFAULT);
        BlockWrite write = storage.beginWrite()) {
      store(write, first, List.of(beacon.getFirst()));
      store(write, second, leafSegments);
      write.commit();
    }

    Path headers = dir.resolve("headers.bin");
    CliRunner export =
        CliRunner.run(
            "super-segments",
            "export",
            "--data-dir",
            dataDir.toString(),
            "--out",
            headers.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();

    // Global segment 2 is the leaf's second segment; take a parity piece of it.
    int position = params.piecesPerSegment() - 3;
    long index = 2L * params.piecesPerSegment() + position;
    Path piece = dir.resolve("piece.bin");
    CliRunner get =
        CliRunner.run(
            "piece",
            "get",
            "--data-dir",
            dataDir.toString(),
            "--index",
            Long.toString(index),
            "--out",
            piece.toString());
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(Files.size(piece)).isEqualTo(params.pieceSize());

    assertThat(verify(piece, headers, index).out().trim()).isEqualTo("valid");
    CliRunner wrongIndex = verify(piece, headers, index - params.piecesPerSegment());
    assertThat(wrongIndex.exitCode()).isEqualTo(1);
    assertThat(wrongIndex.out()).startsWith("invalid");

    CliRunner beyond =
        CliRunner.run(
            "piece",
            "get",
            "--data-dir",
            dataDir.toString(),
            "--index",
            Long.toString(3L * params.piecesPerSegment()),
            "--out",
            dir.resolve("none.bin").toString());
    assertThat(beyond.exitCode()).isEqualTo(1);
    assertThat(beyond.err()).contains("not in the landed global history");
  }

  private CliRunner verify(Path piece, Path headers, long index) {
    return CliRunner.run(
        "piece",
        "verify",
        "--preset",
        "dev",
        "--piece",
        piece.toString(),
        "--index",
        Long.toString(index),
        "--super-segments",
        headers.toString());
  }

  private void store(BlockWrite write, SuperSegment superSegment, List<ArchivedSegment> segments) {
    write.putSuperSegmentHeader(superSegment.header());
    for (int p = 0; p < segments.size(); p++) {
      ArchivedSegment segment = segments.get(p);
      ShardSegmentRoot root = superSegment.segmentAt(new SegmentPosition(p));
      write.putSegmentHeader(root.shard(), segment.header());
      write.putSegmentPieces(root.shard(), segment.header().index(), segment.pieces());
      write.landSegment(
          superSegment.globalSegmentIndex(new SegmentPosition(p)),
          new SegmentLanding(
              root.shard(),
              root.localIndex(),
              superSegment.header().index(),
              new SegmentPosition(p),
              superSegment.storedProof(new SegmentPosition(p), params)));
    }
  }

  private List<ArchivedSegment> archive(ShardIndex shard, int segments, long seed) {
    SegmentArchiver archiver = SegmentArchiver.create(params, shard, null);
    Random random = new Random(seed);
    List<ArchivedSegment> out = new ArrayList<>();
    while (out.size() < segments) {
      byte[] block = new byte[700 + random.nextInt(900)];
      random.nextBytes(block);
      out.addAll(archiver.addBlock(block));
    }
    return out.subList(0, segments);
  }
}
