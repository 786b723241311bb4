package dev.annals.node.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.genesis.ChainSpecs;
import dev.annals.node.cli.CliRunner;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.SegmentLanding;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.LeafBlockInfo;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.LightClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devnet end to end (issue 7, "Done when"): one devnet runs until every shard archived two
 * segments and leaf segments landed in super segments; the tests then read it while it runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevnetEndToEndTest {
  private static final long TIMEOUT_MILLIS = 150_000;

  @TempDir static Path dir;
  private DevnetRuntime devnet;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private DevnetSummary reached;
  private final Set<Hash> identitiesOnDistinctShards = new HashSet<>();

  @BeforeAll
  void runUntilEveryShardArchivedTwoSegments() throws Exception {
    devnet =
        DevnetRuntime.start(
            DevnetConfig.defaults(ChainSpecs.builtIn("devnet"), dir.resolve("data")), log::add);
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      assertTrue(devnet.failure().isEmpty(), () -> "devnet failed: " + devnet.failure());
      DevnetSummary s = devnet.summary();
      recordDistinctShards(s.leafShardsByIdentity());
      if (s.shards().stream().allMatch(x -> x.segments() >= 2) && leafSegmentLanded()) {
        reached = s;
        return;
      }
    }
    throw new AssertionError(
        "not every shard archived 2 segments in time: "
            + devnet.summary()
            + "\nlog tail: "
            + tail());
  }

  private void recordDistinctShards(Map<Hash, Set<ShardIndex>> byIdentity) {
    Map<ShardIndex, Hash> seen = new java.util.HashMap<>();
    byIdentity.forEach((id, shards) -> shards.forEach(shard -> seen.putIfAbsent(shard, id)));
    if (seen.size() >= 2) {
      identitiesOnDistinctShards.addAll(seen.values());
    }
  }

  private boolean leafSegmentLanded() {
    return !landedLeafSegments(devnet.storage()).isEmpty();
  }

  private static List<SegmentLanding> landedLeafSegments(ChainStorage storage) {
    List<SegmentLanding> out = new ArrayList<>();
    Optional<SuperSegmentHeader> last = storage.lastSuperSegmentHeader();
    if (last.isEmpty()) {
      return out;
    }
    for (long g = 0; g <= last.get().maxSegmentIndex().value(); g++) {
      storage
          .landing(new GlobalSegmentIndex(g))
          .filter(l -> l.shard().kind() == ShardKind.LEAF)
          .ifPresent(out::add);
    }
    return out;
  }

  private String tail() {
    int n = log.size();
    return String.join("\n", log.subList(Math.max(0, n - 20), n));
  }

  @AfterAll
  void stop() {
    if (devnet != null) {
      devnet.close();
    }
  }

  @Test
  void everyShardKindProducedBlocksWonByProofsOfSpace() {
    // Every block counted was imported through BlockImporter, which checks the solution with the
    // real SolutionVerifier (proof of space, audit chunk, sector, shard membership).
    for (ShardSummary shard : reached.shards()) {
      assertTrue(shard.blocksImported() > 0, () -> "no blocks imported in " + shard);
      assertTrue(shard.segments() >= 2, () -> "fewer than 2 segments in " + shard);
      assertEquals(shard.headNumber(), shard.blocksImported(), "a fresh devnet: head = imported");
    }
    assertEquals(7, reached.shards().size(), "beacon, 2 intermediate, 4 leaf shards");
    assertTrue(reached.superSegments() >= 2, "super segments landed");
  }

  @Test
  void noBlockIsRejectedForAnExpiredSectorAndExpiredSectorsAreReplotted() {
    // Dev sectors expire within seconds of their check point landing, well inside this run.
    List<String> expired = log.stream().filter(l -> l.contains("SECTOR_EXPIRED")).toList();
    assertTrue(expired.isEmpty(), () -> "rejected for an expired sector: " + expired);
    // Each replot is counted before it is logged.
    long logged = log.stream().filter(l -> l.contains(" replotted at history size ")).count();
    long counted = devnet.summary().replots();
    assertTrue(logged <= counted, () -> logged + " replots logged, " + counted + " counted");
  }

  @Test
  void noSolutionIsRejectedAsOutOfRange() {
    // The farmer audits with the ranges each kind of block built in the slot is judged by, and the
    // producer re-checks them when it builds on a newer beacon block (a retarget in between).
    List<String> outOfRange = log.stream().filter(l -> l.contains("OUT_OF_RANGE")).toList();
    assertTrue(outOfRange.isEmpty(), () -> "rejected as out of range: " + outOfRange);
  }

  @Test
  void aLeafSegmentRootReachedTheBeaconThroughItsIntermediateShard() {
    ChainStorage storage = devnet.storage();
    SegmentLanding landed = landedLeafSegments(storage).getFirst();
    Hash root = storage.segmentHeader(landed.shard(), landed.localIndex()).orElseThrow().root();
    // Some block of the intermediate parent carries a leaf block whose own segments hold it.
    ShardIndex parent = landed.shard().parent();
    boolean carried = false;
    Hash at = devnet.chain().bestHead(parent).root();
    while (!carried) {
      BlockHeader header = storage.header(at).orElseThrow();
      if (header.prefix().number().value() == 0) {
        break;
      }
      IntermediateBlockBody body = (IntermediateBlockBody) storage.body(at).orElseThrow();
      for (LeafBlockInfo info : body.leafBlocks()) {
        if (info.header().prefix().shardIndex().equals(landed.shard())
            && info.segments().isPresent()
            && info.segments().get().segments().segmentRoots().contains(root)) {
          carried = true;
        }
      }
      at = header.prefix().parentRoot();
    }
    assertTrue(carried, "intermediate shard " + parent + " carried leaf segment root " + root);
  }

  @Test
  void aRandomLeafPieceVerifiesWithSuperSegmentHeadersOnly() throws Exception {
    ChainStorage storage = devnet.storage();
    List<SegmentLanding> leaves = landedLeafSegments(storage);
    SplittableRandom random = new SplittableRandom();
    SegmentLanding segment = leaves.get(random.nextInt(leaves.size()));
    long global = storage.globalIndex(segment.shard(), segment.localIndex()).orElseThrow().value();
    long perSegment = storage.params().piecesPerSegment();
    PieceIndex index = new PieceIndex(global * perSegment + random.nextInt((int) perSegment));
    Piece piece = storage.piece(index).orElseThrow();

    LightClient client = new LightClient(storage.params());
    client.acceptHeaders(storage.superSegmentHeaders(SuperSegmentIndex.ZERO, Integer.MAX_VALUE));
    assertEquals(Optional.empty(), client.verify(piece, index));
    byte[] damaged = piece.encode(storage.params());
    damaged[damaged.length - 1] ^= 1;
    assertTrue(client.verify(damaged, index).isPresent(), "a damaged piece fails");

    // The same through the tools, reading the data directory while the devnet runs.
    Path data = dir.resolve("data");
    Path pieceFile = dir.resolve("piece.bin");
    Path headers = dir.resolve("super-segments.bin");
    CliRunner get =
        CliRunner.run(
            "piece",
            "get",
            "--data-dir",
            data.toString(),
            "--index",
            Long.toString(index.value()),
            "--out",
            pieceFile.toString());
    assertEquals(0, get.exitCode(), get.err());
    CliRunner export =
        CliRunner.run(
            "super-segments", "export", "--data-dir", data.toString(), "--out", headers.toString());
    assertEquals(0, export.exitCode(), export.err());
    CliRunner verify =
        CliRunner.run(
            "piece",
            "verify",
            "--preset",
            "dev",
            "--piece",
            pieceFile.toString(),
            "--index",
            Long.toString(index.value()),
            "--super-segments",
            headers.toString());
    assertEquals(0, verify.exitCode(), verify.out() + verify.err());
    assertEquals("valid", verify.out().strip());
    assertTrue(Files.size(pieceFile) > 0);
  }

  @Test
  void identitiesFarmDifferentShardsAndRotate() {
    assertTrue(
        identitiesOnDistinctShards.size() >= 2,
        "at some summary, two identities farmed different leaf shards");
    Map<Hash, Set<ShardIndex>> farmed = devnet.leafShardsFarmedSoFar();
    assertEquals(DevnetConfig.DEFAULT_IDENTITIES, farmed.size());
    assertTrue(
        farmed.values().stream().anyMatch(s -> s.size() >= 2),
        "some identity rotated to another leaf shard: " + farmed);
  }
}
