package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveToolsTest {
  @TempDir Path dir;

  @Test
  void archiveVerifyAndReconstructRoundTrip() throws IOException {
    List<byte[]> blocks = new ArrayList<>();
    Random random = new Random(17);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < 40; i++) {
      byte[] block = new byte[1 + random.nextInt(6000)];
      random.nextBytes(block);
      blocks.add(block);
      int n = block.length;
      file.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
      file.writeBytes(block);
    }
    Path blocksFile = dir.resolve("blocks.bin");
    Files.write(blocksFile, file.toByteArray());
    Path out = dir.resolve("archive");

    CliRunner archived =
        CliRunner.run(
            "debug",
            "archive",
            "--preset",
            "dev",
            "--shard",
            "1025",
            "--blocks",
            blocksFile.toString(),
            "--out",
            out.toString());
    assertThat(archived.exitCode()).as(archived.err()).isZero();
    List<String> lines = Files.readAllLines(out.resolve("segments.jsonl"));
    assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
    JsonNode first = new ObjectMapper().readTree(lines.getFirst());
    assertThat(first.get("shard").asLong()).isEqualTo(1025);
    assertThat(first.get("localSegmentIndex").asLong()).isZero();
    assertThat(first.get("prevHeaderHash").asText()).isEqualTo("0".repeat(64));
    assertThat(first.get("root").asText()).matches("[0-9a-f]{64}");
    assertThat(first.get("lastArchivedBlock").has("archivedBytes")).isTrue();
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertThat(second.get("prevHeaderHash").asText()).isEqualTo(first.get("headerHash").asText());

    Path piece = out.resolve("pieces/1/11.piece");
    String root = second.get("root").asText();
    CliRunner valid =
        CliRunner.run(
            "debug",
            "verify-piece",
            "--preset",
            "dev",
            "--piece",
            piece.toString(),
            "--segment-root",
            root);
    assertThat(valid.exitCode()).isZero();
    assertThat(valid.out().strip()).isEqualTo("valid");

    byte[] bytes = Files.readAllBytes(piece);
    bytes[bytes.length - 1] ^= 1;
    Path corrupt = dir.resolve("11.piece");
    Files.write(corrupt, bytes);
    CliRunner invalid =
        CliRunner.run(
            "debug",
            "verify-piece",
            "--preset",
            "dev",
            "--piece",
            corrupt.toString(),
            "--segment-root",
            root);
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.out()).startsWith("invalid: record_proof");

    // Drop every other piece of every segment: half is enough.
    for (int s = 0; s < lines.size(); s++) {
      for (int p = 0; p < 16; p += 2) {
        Files.delete(out.resolve("pieces/" + s + "/" + p + ".piece"));
      }
    }
    Path rebuilt = dir.resolve("rebuilt.bin");
    CliRunner reconstructed =
        CliRunner.run(
            "debug",
            "reconstruct",
            "--preset",
            "dev",
            "--in",
            out.toString(),
            "--out",
            rebuilt.toString());
    assertThat(reconstructed.exitCode()).as(reconstructed.err()).isZero();
    byte[] rebuiltBytes = Files.readAllBytes(rebuilt);
    byte[] original = file.toByteArray();
    assertThat(rebuiltBytes.length).isPositive();
    assertThat(java.util.Arrays.copyOf(original, rebuiltBytes.length)).isEqualTo(rebuiltBytes);
  }

  @Test
  void anEmptyBlockInTheFileIsNamed() throws IOException {
    Path blocksFile = dir.resolve("blocks.bin");
    Files.write(blocksFile, new byte[] {1, 0, 0, 0, 42, 0, 0, 0, 0});
    CliRunner result =
        CliRunner.run(
            "debug",
            "archive",
            "--preset",
            "dev",
            "--shard",
            "0",
            "--blocks",
            blocksFile.toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("block 1 is empty");
  }

  @Test
  void aWrongPresetIsOneClearLine() {
    CliRunner result =
        CliRunner.run(
            "debug", "verify-piece", "--preset", "tiny", "--piece", "x", "--segment-root", "00");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("unknown preset 'tiny'");
  }
}
