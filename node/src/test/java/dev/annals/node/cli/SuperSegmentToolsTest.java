package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.SegmentLanding;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import dev.annals.supersegment.SuperSegmentHeadersFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuperSegmentToolsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ProtocolParameters DEV = ProtocolParameters.DEV;

  @TempDir Path dir;

  private static String line(int shard, long local, Hash root) {
    return "{\"shard\":"
        + shard
        + ",\"localSegmentIndex\":"
        + local
        + ",\"root\":\""
        + root.toHex()
        + "\"}";
  }

  private static Hash randomHash(Random random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hash.wrap(b);
  }

  /** The leaf written out from the protocol text, independently of the library. */
  private static byte[] leaf(int shard, int position, long local, Hash root) {
    ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(shard).putInt(position).putLong(local).put(root.toBytes());
    return Kernels.blake3().hash(b.array());
  }

  @Test
  void buildsTheFirstAndTheNextSuperSegment() throws IOException {
    Random random = new Random(61);
    Hash genesisRoot = randomHash(random);
    Path first = dir.resolve("first.jsonl");
    Files.writeString(first, line(0, 0, genesisRoot) + "\n");
    CliRunner run =
        CliRunner.run(
            "debug", "super-segment", "--segments", first.toString(), "--target-block", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = JSON.readTree(run.out());
    JsonNode header = out.get("header");
    assertThat(header.get("index").asLong()).isZero();
    assertThat(header.get("num_segments").asInt()).isEqualTo(1);
    assertThat(header.get("max_segment_index").asLong()).isZero();
    assertThat(header.get("target_beacon_block_number").asLong()).isEqualTo(1);
    assertThat(header.get("prev_super_segment_header_hash").asText()).isEqualTo("0".repeat(64));
    assertThat(header.get("root").asText())
        .isEqualTo(HexFormat.of().formatHex(leaf(0, 0, 0, genesisRoot)));
    byte[] headerBytes = HexFormat.of().parseHex(header.get("headerHex").asText());
    assertThat(headerBytes).hasSize(92);
    assertThat(header.get("headerHash").asText())
        .isEqualTo(HexFormat.of().formatHex(Kernels.blake3().hash(headerBytes)));
    assertThat(out.get("segmentProofs")).hasSize(1);
    assertThat(out.get("segmentProofs").get(0).asText()).isEqualTo("0".repeat(20 * 64));

    List<String> lines = new ArrayList<>();
    List<byte[]> leaves = new ArrayList<>();
    int[] shards = {1, 0, 2049, 3};
    for (int p = 0; p < shards.length; p++) {
      Hash root = randomHash(random);
      lines.add(line(shards[p], 7 + p, root));
      leaves.add(leaf(shards[p], p, 7 + p, root));
    }
    Path next = dir.resolve("next.jsonl");
    Files.write(next, lines);
    CliRunner second =
        CliRunner.run(
            "debug",
            "super-segment",
            "--segments",
            next.toString(),
            "--previous-header",
            header.get("headerHex").asText(),
            "--target-block",
            "4");
    assertThat(second.exitCode()).as(second.err()).isZero();
    JsonNode out2 = JSON.readTree(second.out());
    JsonNode h2 = out2.get("header");
    assertThat(h2.get("index").asLong()).isEqualTo(1);
    assertThat(h2.get("prev_super_segment_header_hash").asText())
        .isEqualTo(header.get("headerHash").asText());
    assertThat(h2.get("max_segment_index").asLong()).isEqualTo(4);
    assertThat(h2.get("num_segments").asInt()).isEqualTo(4);
    byte[] root = HexFormat.of().parseHex(h2.get("root").asText());
    assertThat(out2.get("segmentProofs")).hasSize(4);
    for (int p = 0; p < 4; p++) {
      String hex = out2.get("segmentProofs").get(p).asText();
      assertThat(hex).hasSize(20 * 64).matches("[0-9a-f]*");
      // Four leaves make a balanced tree: two hashes used, eighteen zero.
      assertThat(hex.substring(2 * 64)).isEqualTo("0".repeat(18 * 64));
      byte[] proof = HexFormat.of().parseHex(hex.substring(0, 2 * 64));
      assertThat(UnbalancedMerkleTree.verify(root, 4, p, leaves.get(p), proof)).isTrue();
    }
  }

  @Test
  void badInputIsOneErrorLine() throws IOException {
    Path notGenesis = dir.resolve("not-genesis.jsonl");
    Files.writeString(notGenesis, line(1, 0, Hash.ZERO) + "\n");
    CliRunner run =
        CliRunner.run(
            "debug", "super-segment", "--segments", notGenesis.toString(), "--target-block", "1");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).startsWith("error: ").contains("beacon genesis segment");

    Path badRoot = dir.resolve("bad-root.jsonl");
    Files.writeString(badRoot, "{\"shard\":0,\"localSegmentIndex\":0,\"root\":\"12\"}\n");
    run =
        CliRunner.run(
            "debug", "super-segment", "--segments", badRoot.toString(), "--target-block", "1");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("bad-root.jsonl line 1").contains("64 hex digits");

    run =
        CliRunner.run(
            "debug",
            "super-segment",
            "--segments",
            notGenesis.toString(),
            "--previous-header",
            "00",
            "--target-block",
            "2");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--previous-header must be 92 bytes");
  }

  @Test
  void pieceVerifyChecksAPieceByItsGlobalIndex() throws IOException {
    Random random = new Random(62);
    SegmentArchiver archiver = SegmentArchiver.create(DEV, ShardIndex.BEACON, null);
    List<ArchivedSegment> segments = new ArrayList<>();
    while (segments.size() < 3) {
      byte[] block = new byte[1 + random.nextInt(6000)];
      random.nextBytes(block);
      segments.addAll(archiver.addBlock(block));
    }
    SuperSegment first =
        SuperSegment.first(
            new BlockNumber(1),
            new ShardSegmentRoot(
                ShardIndex.BEACON, LocalSegmentIndex.ZERO, segments.get(0).header().root()));
    SuperSegment second =
        SuperSegment.next(
            first.header(),
            new BlockNumber(2),
            List.of(
                new ShardSegmentRoot(
                    ShardIndex.BEACON, new LocalSegmentIndex(1), segments.get(1).header().root()),
                new ShardSegmentRoot(
                    ShardIndex.BEACON, new LocalSegmentIndex(2), segments.get(2).header().root())));
    List<SuperSegmentHeader> headers = List.of(first.header(), second.header());
    Path headersFile = dir.resolve("super-segments.bin");
    SuperSegmentHeadersFile.write(headersFile, DEV, headers);
    // Global segment 2 is local segment 2, position 1 of super segment 1.
    Piece piece = SegmentLanding.land(segments.get(2).pieces().get(5), second, DEV);
    Path pieceFile = dir.resolve("piece.bin");
    Files.write(pieceFile, piece.encode(DEV));
    long index = 2L * DEV.piecesPerSegment() + 5;

    CliRunner valid = verify("dev", pieceFile, index, headersFile);
    assertThat(valid.exitCode()).as(valid.err()).isZero();
    assertThat(valid.out().strip()).isEqualTo("valid");

    CliRunner wrongPosition = verify("dev", pieceFile, index + 1, headersFile);
    assertThat(wrongPosition.exitCode()).isEqualTo(1);
    assertThat(wrongPosition.out()).startsWith("invalid: record_proof");

    CliRunner wrongSegment = verify("dev", pieceFile, index - DEV.piecesPerSegment(), headersFile);
    assertThat(wrongSegment.exitCode()).isEqualTo(1);
    assertThat(wrongSegment.out()).startsWith("invalid: segment_position");

    CliRunner beyond = verify("dev", pieceFile, 3L * DEV.piecesPerSegment(), headersFile);
    assertThat(beyond.exitCode()).isNotZero();
    assertThat(beyond.err()).startsWith("error: ").contains("beyond the known history");

    CliRunner production = verify("production", pieceFile, index, headersFile);
    assertThat(production.exitCode()).isNotZero();
    assertThat(production.err()).contains("another preset than production");

    CliRunner missing = verify("dev", dir.resolve("nothing.bin"), index, headersFile);
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("--piece: no such file");

    Path cut = dir.resolve("cut.bin");
    byte[] bytes = Files.readAllBytes(pieceFile);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1));
    CliRunner cutPiece = verify("dev", cut, index, headersFile);
    assertThat(cutPiece.exitCode()).isNotZero();
    assertThat(cutPiece.err()).contains("preset dev");
  }

  private static CliRunner verify(String preset, Path piece, long index, Path headers) {
    return CliRunner.run(
        "piece",
        "verify",
        "--preset",
        preset,
        "--piece",
        piece.toString(),
        "--index",
        Long.toString(index),
        "--super-segments",
        headers.toString());
  }
}
