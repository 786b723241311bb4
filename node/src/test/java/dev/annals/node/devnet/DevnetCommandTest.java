package dev.annals.node.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.node.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad options of {@code annals devnet} fail with one line naming the option, before starting. */
class DevnetCommandTest {
  @TempDir Path dir;

  @Test
  void badOptionsAreNamed() {
    CliRunner identities =
        CliRunner.run("devnet", "--data-dir", dir.toString(), "--identities", "0");
    assertEquals(1, identities.exitCode());
    assertTrue(
        identities.err().contains("identities: must be in 1..=64 (value 0)"), identities.err());

    CliRunner duration = CliRunner.run("devnet", "--data-dir", dir.toString(), "--duration", "0");
    assertEquals(1, duration.exitCode());
    assertTrue(duration.err().contains("--duration: must be positive (value 0)"), duration.err());

    CliRunner chain = CliRunner.run("devnet", "--data-dir", dir.toString(), "--chain", "nope");
    assertEquals(1, chain.exitCode());
    assertTrue(chain.err().contains("nope"), chain.err());

    CliRunner missing = CliRunner.run("devnet");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("--data-dir"), missing.err());
  }

  @Test
  void aDataDirectoryOfAnotherChainSpecIsRefused() {
    CliRunner dev =
        CliRunner.run(
            "devnet", "--chain", "dev", "--data-dir", dir.toString(), "--stop-after-slots", "1");
    assertEquals(0, dev.exitCode(), dev.err());
    CliRunner devnet =
        CliRunner.run(
            "devnet", "--chain", "devnet", "--data-dir", dir.toString(), "--duration", "1");
    assertEquals(1, devnet.exitCode());
    assertTrue(devnet.err().contains("created for chain spec 'dev'"), devnet.err());
  }
}
