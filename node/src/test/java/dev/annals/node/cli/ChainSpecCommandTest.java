package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlocks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainSpecCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheSpecWithDigestsAndGenesisRoots() throws Exception {
    CliRunner run = CliRunner.run("debug", "chain-spec", "--chain", "devnet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    ChainSpec devnet = ChainSpecs.builtIn("devnet");
    assertThat(json.get("name").asText()).isEqualTo("devnet");
    assertThat(json.get("digest").asText()).isEqualTo(devnet.digest().toHex());
    assertThat(json.get("parametersDigest").asText())
        .isEqualTo(devnet.parameters().digest().toHex());
    assertThat(json.get("genesis")).hasSize(7);
    assertThat(json.get("genesis").get(0).get("kind").asText()).isEqualTo("beacon");
    assertThat(json.get("genesis").get(0).get("root").asText())
        .isEqualTo(new GenesisBlocks(devnet).beacon().root().toHex());
    assertThat(json.get("genesis").get(6).get("kind").asText()).isEqualTo("leaf");
  }

  @Test
  void aBadSpecFileIsOneClearLine() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"name\": \"x\", \"colour\": 1}");
    CliRunner run = CliRunner.run("debug", "chain-spec", "--chain", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("error: chain spec " + file + ": colour: unknown field")
        .doesNotContain("\n");
  }
}
