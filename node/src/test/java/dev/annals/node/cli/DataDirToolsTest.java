package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.GenesisWriter;
import dev.annals.node.storage.StorageConfig;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirToolsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ChainSpec devnet = ChainSpecs.load("devnet");
  private final ShardIndex leaf = ShardIndex.leaf(ShardIndex.intermediate(2), 1);

  @TempDir Path dir;

  @Test
  void statusReportsEveryShardSegmentsAndTheGlobalHistory() throws Exception {
    List<SegmentHeader> headers = populate(3);
    CliRunner run = CliRunner.run("status", "--data-dir", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    JsonNode status = JSON.readTree(run.out());
    JsonNode shards = status.get("shards");
    assertThat(shards).hasSize(7);
    assertThat(shards.get(0).get("kind").asText()).isEqualTo("beacon");
    assertThat(shards.get(0).get("bestNumber").asLong()).isZero();
    GenesisBlocks genesis = new GenesisBlocks(devnet);
    assertThat(shards.get(0).get("bestRoot").asText()).isEqualTo(genesis.beacon().root().toHex());
    JsonNode leafEntry = null;
    for (JsonNode shard : shards) {
      if (shard.get("shard").asLong() == Integer.toUnsignedLong(leaf.value())) {
        leafEntry = shard;
      }
    }
    assertThat(leafEntry).isNotNull();
    assertThat(leafEntry.get("kind").asText()).isEqualTo("leaf");
    assertThat(leafEntry.get("segments").asLong()).isEqualTo(headers.size());
    assertThat(status.get("superSegments").asLong()).isEqualTo(1);
    assertThat(status.get("globalPieces").asLong())
        .isEqualTo(3L * devnet.parameters().piecesPerSegment());
  }

  @Test
  void segmentsExportWritesTheArchiveToolsLinesInIndexOrder() throws Exception {
    List<SegmentHeader> headers = populate(3);
    Path out = dir.resolve("segments.jsonl");
    CliRunner run =
        CliRunner.run(
            "segments",
            "export",
            "--data-dir",
            dir.toString(),
            "--shard",
            Integer.toUnsignedString(leaf.value()),
            "--out",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(headers.size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).isEqualTo(SegmentsJsonl.line(leaf, headers.get(i)));
      assertThat(SegmentsJsonl.parse(lines.get(i))).isEqualTo(headers.get(i));
    }
  }

  @Test
  void aShardOutsideTheChainOrAMissingDirectoryIsOneClearError() throws Exception {
    populate(1);
    CliRunner wrongShard =
        CliRunner.run(
            "segments",
            "export",
            "--data-dir",
            dir.toString(),
            "--shard",
            "999",
            "--out",
            dir.resolve("x").toString());
    assertThat(wrongShard.exitCode()).isNotZero();
    assertThat(wrongShard.err()).contains("--shard").contains("999");
    assertThat(dir.resolve("x")).doesNotExist();

    CliRunner missing = CliRunner.run("status", "--data-dir", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("--data-dir").contains("nope");
  }

  /** A devnet data directory with genesis, a few leaf segments and one super segment. */
  private List<SegmentHeader> populate(int leafSegments) {
    List<SegmentHeader> headers = new ArrayList<>();
    try (ChainStorage storage = ChainStorage.open(dir, devnet, StorageConfig.DEFAULT)) {
      GenesisWriter.ensure(storage, new GenesisBlocks(devnet));
      try (BlockWrite write = storage.beginWrite()) {
        Hash previous = Hash.ZERO;
        for (int i = 0; i < leafSegments; i++) {
          SegmentHeader header =
              new SegmentHeader(
                  new LocalSegmentIndex(i),
                  Hash.blake3(new byte[] {(byte) i}),
                  previous,
                  new LastArchivedBlock(new BlockNumber(i * 4L), 0));
          write.putSegmentHeader(leaf, header);
          headers.add(header);
          previous = header.hash();
        }
        write.putSuperSegmentHeader(
            new SuperSegmentHeader(
                SuperSegmentIndex.ZERO,
                Hash.blake3(new byte[] {42}),
                Hash.ZERO,
                new GlobalSegmentIndex(2),
                new BlockNumber(1),
                3));
        write.commit();
      }
    }
    return headers;
  }
}
