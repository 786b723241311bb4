package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugPotCommandTest {
  private static final String SEED = "d666ccd8d593c23da8db6b5b1413b13a";

  @Test
  void proveThenVerifyFromAListAndFromAFile(@TempDir Path dir) throws IOException {
    CliRun prove = CliRun.of("debug", "pot", "prove", "--seed", SEED, "--iterations", "1024");
    assertThat(prove.exitCode()).isZero();
    var lines = prove.out().lines().toList();
    assertThat(lines).hasSize(8).allMatch(l -> l.matches("[0-9a-f]{32}"));

    String list = String.join(",", lines);
    CliRun valid =
        CliRun.of(
            "debug",
            "pot",
            "verify",
            "--seed",
            SEED,
            "--iterations",
            "1024",
            "--checkpoints",
            list);
    assertThat(valid.out().strip()).isEqualTo("valid");
    assertThat(valid.exitCode()).isZero();

    Path file = dir.resolve("checkpoints.txt");
    Files.writeString(file, prove.out());
    CliRun fromFile =
        CliRun.of(
            "debug",
            "pot",
            "verify",
            "--seed",
            SEED,
            "--iterations",
            "1024",
            "--checkpoints",
            file.toString());
    assertThat(fromFile.out().strip()).isEqualTo("valid");

    CliRun moreIterations =
        CliRun.of(
            "debug",
            "pot",
            "verify",
            "--seed",
            SEED,
            "--iterations",
            "1040",
            "--checkpoints",
            list);
    assertThat(moreIterations.out().strip()).isEqualTo("invalid");
    assertThat(moreIterations.exitCode()).isEqualTo(1);
  }

  @Test
  void badFlagsGiveOneErrorLineAndExitTwo() {
    CliRun notMultiple = CliRun.of("debug", "pot", "prove", "--seed", SEED, "--iterations", "24");
    assertThat(notMultiple.exitCode()).isEqualTo(2);
    assertThat(notMultiple.err()).startsWith("error: --iterations must be a positive multiple");

    CliRun shortSeed = CliRun.of("debug", "pot", "prove", "--seed", "00", "--iterations", "16");
    assertThat(shortSeed.exitCode()).isEqualTo(2);
    assertThat(shortSeed.err()).startsWith("error: --seed must be 16 bytes");

    CliRun sevenCheckpoints =
        CliRun.of(
            "debug",
            "pot",
            "verify",
            "--seed",
            SEED,
            "--iterations",
            "16",
            "--checkpoints",
            "00,00,00,00,00,00,00");
    assertThat(sevenCheckpoints.exitCode()).isEqualTo(2);
    assertThat(sevenCheckpoints.err()).contains("got 7");
  }
}
