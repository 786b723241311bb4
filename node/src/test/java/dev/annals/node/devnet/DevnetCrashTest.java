package dev.annals.node.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.genesis.ChainSpecs;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.StorageConfig;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet process killed with SIGKILL and restarted on the same data directory resumes with no
 * segment lost or duplicated and the roots archived before the kill unchanged.
 */
class DevnetCrashTest {
  private static final Pattern SUPER_SEGMENTS = Pattern.compile("super segments (\\d+)");

  @TempDir Path dir;

  @Test
  void aKilledDevnetResumesWithEverySegmentOnceAndTheSameRoots() throws Exception {
    Path data = dir.resolve("data");
    long superSegmentsBeforeKill = runChildUntilSuperSegments(data, 3);

    Map<ShardIndex, List<SegmentHeader>> before;
    try (ChainStorage storage = ChainStorage.openReadOnly(data, StorageConfig.DEFAULT)) {
      before = segmentsByShard(storage);
      checkChains(storage, before);
      assertTrue(
          storage.lastSuperSegmentHeader().orElseThrow().index().value() + 1
              >= superSegmentsBeforeKill);
    }
    long segmentsBefore = before.values().stream().mapToLong(List::size).sum();

    List<String> log = new ArrayList<>();
    try (DevnetRuntime devnet =
        DevnetRuntime.start(DevnetConfig.defaults(ChainSpecs.builtIn("devnet"), data), log::add)) {
      long deadline = System.currentTimeMillis() + 60_000;
      while (true) {
        Thread.sleep(500);
        assertTrue(devnet.failure().isEmpty(), () -> "devnet failed: " + devnet.failure());
        DevnetSummary s = devnet.summary();
        long segments = s.shards().stream().mapToLong(ShardSummary::segments).sum();
        if (segments >= segmentsBefore + 4 && s.superSegments() >= superSegmentsBeforeKill + 2) {
          break;
        }
        assertTrue(
            System.currentTimeMillis() < deadline,
            () -> "the restarted devnet archived no more segments: " + s + "\n" + log);
      }
    }

    try (ChainStorage storage = ChainStorage.openReadOnly(data, StorageConfig.DEFAULT)) {
      Map<ShardIndex, List<SegmentHeader>> after = segmentsByShard(storage);
      checkChains(storage, after);
      for (Map.Entry<ShardIndex, List<SegmentHeader>> e : before.entrySet()) {
        List<SegmentHeader> old = e.getValue();
        List<SegmentHeader> now = after.get(e.getKey());
        assertTrue(now.size() >= old.size(), "shard " + e.getKey() + " lost segments");
        assertEquals(old, now.subList(0, old.size()), "shard " + e.getKey() + " changed segments");
      }
      assertTrue(
          after.values().stream().mapToLong(List::size).sum() > segmentsBefore,
          "segments were archived after the restart");
    }
  }

  /**
   * Runs {@code annals devnet} in a child JVM until it reports enough super segments, then kills
   * it.
   */
  private static long runChildUntilSuperSegments(Path data, long wanted) throws Exception {
    Process child = DevnetChild.start(data);
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        Matcher m = SUPER_SEGMENTS.matcher(line);
        if (line.startsWith("slot ") && m.find() && Long.parseLong(m.group(1)) >= wanted) {
          child.destroyForcibly();
          assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child exited");
          return Long.parseLong(m.group(1));
        }
      }
      throw new AssertionError(
          "the devnet child ended before "
              + wanted
              + " super segments:\n"
              + String.join("\n", lines));
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Map<ShardIndex, List<SegmentHeader>> segmentsByShard(ChainStorage storage) {
    Map<ShardIndex, List<SegmentHeader>> out = new LinkedHashMap<>();
    NumShards numShards = storage.params().numShards();
    List<ShardIndex> shards = new ArrayList<>();
    shards.add(ShardIndex.BEACON);
    shards.addAll(numShards.intermediateShardIndices());
    shards.addAll(numShards.leafShardIndices());
    for (ShardIndex shard : shards) {
      out.put(shard, storage.segmentHeaders(shard, LocalSegmentIndex.ZERO, Integer.MAX_VALUE));
    }
    return out;
  }

  /**
   * Per shard: local indices 0, 1, 2, … without gaps, each header naming its predecessor's hash
   * (none lost or duplicated); and the super segment chain likewise by index and previous hash.
   */
  private static void checkChains(ChainStorage storage, Map<ShardIndex, List<SegmentHeader>> all) {
    all.forEach(
        (shard, headers) -> {
          Hash previous = Hash.ZERO;
          for (int i = 0; i < headers.size(); i++) {
            SegmentHeader h = headers.get(i);
            assertEquals(i, h.index().value(), "shard " + shard + " segment indices contiguous");
            assertEquals(previous, h.previousHeaderHash(), "shard " + shard + " segment " + i);
            previous = h.hash();
          }
          assertEquals(headers.size(), storage.segmentCount(shard));
        });
    List<SuperSegmentHeader> supers =
        storage.superSegmentHeaders(SuperSegmentIndex.ZERO, Integer.MAX_VALUE);
    Hash previous = Hash.ZERO;
    for (int i = 0; i < supers.size(); i++) {
      assertEquals(i, supers.get(i).index().value());
      assertEquals(previous, supers.get(i).previousHeaderHash());
      previous = supers.get(i).hash();
    }
  }
}
