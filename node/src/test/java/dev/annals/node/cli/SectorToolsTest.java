package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectorToolsTest {
  private static final String PKH = "11".repeat(32);
  private static final String ROOT = "22".repeat(32);

  @TempDir Path dir;

  private Path archive() throws IOException {
    Random random = new Random(3);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < 30; i++) {
      byte[] block = new byte[1 + random.nextInt(4000)];
      random.nextBytes(block);
      int n = block.length;
      file.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
      file.writeBytes(block);
    }
    Path blocks = dir.resolve("blocks.bin");
    Files.write(blocks, file.toByteArray());
    Path out = dir.resolve("archive");
    CliRunner archived =
        CliRunner.run(
            "debug",
            "archive",
            "--preset",
            "dev",
            "--shard",
            "1",
            "--blocks",
            blocks.toString(),
            "--out",
            out.toString());
    assertThat(archived.exitCode()).as(archived.err()).isZero();
    return out;
  }

  @Test
  void plotThenAuditAndProve() throws IOException {
    Path archive = archive();
    Path sector = dir.resolve("sector.bin");
    CliRunner plotted =
        CliRunner.run(
            "debug",
            "plot",
            "--preset",
            "dev",
            "--archive",
            archive.toString(),
            "--public-key-hash",
            PKH,
            "--commitments-root",
            ROOT,
            "--sector-index",
            "3",
            "--pieces-in-sector",
            "6",
            "--threads",
            "2",
            "--out",
            sector.toString());
    assertThat(plotted.exitCode()).as(plotted.err()).isZero();
    List<String> lines = plotted.out().lines().toList();
    assertThat(lines.getFirst()).matches("sector_id [0-9a-f]{64}");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(1)).matches("0 [0-9]+");
    assertThat(Files.exists(dir.resolve("sector.bin.meta"))).isTrue();

    CliRunner audited =
        CliRunner.run(
            "debug",
            "audit",
            "--preset",
            "dev",
            "--sector",
            sector.toString(),
            "--public-key-hash",
            PKH,
            "--commitments-root",
            ROOT,
            "--pot-output",
            "00112233445566778899aabbccddeeff",
            "--slot",
            "42",
            "--prove");
    assertThat(audited.exitCode()).as(audited.err() + audited.out()).isZero();
    List<String> audit = audited.out().lines().toList();
    assertThat(audit.getFirst()).matches("s_bucket [0-9]+ candidates [0-9]+");
    assertThat(audited.out()).doesNotContain("invalid");
    if (audit.size() > 1) {
      assertThat(audit.get(1)).matches("chunk [0-9]+ distance [0-9]+");
    }

    byte[] bytes = Files.readAllBytes(sector);
    Files.write(sector, java.util.Arrays.copyOf(bytes, bytes.length - 1));
    CliRunner truncated =
        CliRunner.run(
            "debug",
            "audit",
            "--preset",
            "dev",
            "--sector",
            sector.toString(),
            "--public-key-hash",
            PKH,
            "--commitments-root",
            ROOT,
            "--challenge",
            "33".repeat(32));
    assertThat(truncated.exitCode()).isNotZero();
    assertThat(truncated.err()).contains("sector size");

    CliRunner both =
        CliRunner.run(
            "debug",
            "audit",
            "--preset",
            "dev",
            "--sector",
            sector.toString(),
            "--public-key-hash",
            PKH,
            "--commitments-root",
            ROOT);
    assertThat(both.exitCode()).isNotZero();
    assertThat(both.err()).contains("--challenge");
  }
}
