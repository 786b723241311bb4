package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconChainInfo;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.BlockHeaderResult;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecodeCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    CommandLine cli = AnnalsMain.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static Hash hash(int n) {
    return Hash.blake3(new byte[] {(byte) n});
  }

  @Test
  void segmentHeaderAsJson() throws Exception {
    SegmentHeader header =
        new SegmentHeader(
            new LocalSegmentIndex(-1L),
            hash(1),
            Hash.ZERO,
            new LastArchivedBlock(new BlockNumber(42), 7));
    Path file = write("segment.bin", header.encode());
    Run run = run("debug", "decode", "--preset", "dev", "segment-header", file.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("index").asText()).isEqualTo("18446744073709551615");
    assertThat(json.get("root").asText()).isEqualTo(hash(1).toHex());
    assertThat(json.get("last_archived_block").get("number").asLong()).isEqualTo(42);
    assertThat(json.get("last_archived_block").get("archived_bytes").asLong()).isEqualTo(7);
    assertThat(json.get("hash").asText()).isEqualTo(header.hash().toHex());
  }

  @Test
  void truncatedSegmentHeaderNamesTheField() throws Exception {
    SegmentHeader header =
        new SegmentHeader(
            LocalSegmentIndex.ZERO,
            hash(1),
            Hash.ZERO,
            LastArchivedBlock.complete(BlockNumber.ZERO));
    Path file = write("short.bin", Arrays.copyOf(header.encode(), 80));
    Run run = run("debug", "decode", "segment-header", file.toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("last_archived_block.archived_bytes").contains("truncated");
    assertThat(run.out()).isEmpty();
  }

  private static LeafBlockHeader leafHeader(ProtocolParameters params) {
    Seal seal = new Seal(Bytes.zeros(32), Bytes.zeros(64));
    Solution solution =
        new Solution(
            seal.publicKeyHash(),
            new ShardCommitment(
                hash(2),
                Collections.nCopies(params.shardCommitmentProofHashes(), hash(3)),
                hash(4)),
            LocalSegmentIndex.ZERO,
            SuperSegmentIndex.ZERO,
            hash(5),
            Collections.nCopies(params.segmentProofHashes(), Hash.ZERO),
            hash(6),
            Collections.nCopies(params.recordProofHashes(), hash(7)),
            hash(8),
            Collections.nCopies(params.chunkProofHashes(), hash(9)),
            Bytes.zeros(params.posProofSize()),
            HistorySize.ONE,
            new SectorIndex(1),
            new PieceOffset(2),
            SegmentPosition.ZERO,
            ShardIndex.BEACON);
    ShardIndex leaf = ShardIndex.leaf(ShardIndex.intermediate(2), 3);
    return new LeafBlockHeader(
        new BlockHeaderPrefix(new BlockNumber(9), leaf, 1000, hash(10), hash(11)),
        new BlockHeaderResult(hash(12), hash(13)),
        new ConsensusInfo(new Slot(77), Bytes.zeros(16), Bytes.zeros(16), solution),
        new BeaconChainInfo(new BlockNumber(8), hash(14)),
        seal);
  }

  @Test
  void blockHeaderKindFromShardIndex() throws Exception {
    ProtocolParameters dev = ProtocolParameters.DEV;
    LeafBlockHeader header = leafHeader(dev);
    Path file = write("leaf.bin", header.encode(dev));
    Run run = run("debug", "decode", "--preset", "dev", "block-header", file.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("kind").asText()).isEqualTo("leaf");
    assertThat(json.get("prefix").get("shard_index").asInt()).isEqualTo(3 << 10 | 2);
    assertThat(json.get("consensus_info").get("slot").asLong()).isEqualTo(77);
    assertThat(json.get("beacon_chain_info").get("root").asText()).isEqualTo(hash(14).toHex());
    assertThat(json.get("root").asText()).isEqualTo(header.root(dev).toHex());
    assertThat(json.get("preset").asText()).isEqualTo("dev");

    // the same bytes under the other preset are the wrong length
    Run wrongPreset =
        run("debug", "decode", "--preset", "production", "block-header", file.toString());
    assertThat(wrongPreset.exit()).isNotZero();
    assertThat(wrongPreset.err()).startsWith("error: malformed block-header");
  }

  @Test
  void badSealTypeAndUnknownPreset() throws Exception {
    ProtocolParameters dev = ProtocolParameters.DEV;
    byte[] bytes = leafHeader(dev).encode(dev);
    bytes[bytes.length - Seal.SIZE] = 3;
    Path file = write("badseal.bin", bytes);
    Run run = run("debug", "decode", "--preset", "dev", "block-header", file.toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("seal.type").contains("value 3");

    Run preset = run("debug", "decode", "--preset", "testnet", "block-header", file.toString());
    assertThat(preset.exit()).isNotZero();
    assertThat(preset.err()).contains("testnet");
  }
}
