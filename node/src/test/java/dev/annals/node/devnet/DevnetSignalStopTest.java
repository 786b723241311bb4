package dev.annals.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.genesis.ChainSpecs;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.StorageConfig;
import dev.annals.primitives.ShardIndex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl-C's SIGINT also triggers through the shutdown hook) stops a devnet process
 * cleanly: it prints its last summary, releases the database, and the directory opens for writing
 * again with the chains it had.
 */
class DevnetSignalStopTest {
  @TempDir Path dir;

  @Test
  void aTerminatedDevnetStopsCleanlyAndLeavesAnOpenableDirectory() throws Exception {
    Path data = dir.resolve("data");
    Process child = DevnetChild.start(data);
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean signalled = false;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        // Stop once blocks flow beyond genesis on the beacon chain.
        if (!signalled
            && line.startsWith("slot ")
            && line.contains(" 0 b #")
            && !line.contains(" 0 b #0 ")) {
          // Process.destroy() would also close our end of the child's output; kill(1) does not.
          Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start();
          assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
          signalled = true;
        }
      }
      assertThat(signalled).as(String.join("\n", lines)).isTrue();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exited").isTrue();
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lines).as(String.join("\n", lines)).anyMatch(l -> l.startsWith("stopped: "));

    try (ChainStorage storage =
        ChainStorage.open(data, ChainSpecs.builtIn("devnet"), StorageConfig.DEFAULT)) {
      ChainHead beacon = storage.bestChain(ShardIndex.BEACON).orElseThrow();
      assertThat(beacon.number().value()).isPositive();
    }
  }
}
