package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebugPosCommandTest {
  private static final String SEED =
      "23023404333717545b0a6f0c0dde9710e4d3fe2d5cc6cc0a090a0b818bab0f17";

  @Test
  void provesAnSBucketAndVerifiesTheProof() {
    String proof = null;
    int s = 0;
    for (; s < 256 && proof == null; s++) {
      CliRun run =
          CliRun.of("debug", "pos", "prove", "--k", "12", "--seed", SEED, "--s-bucket", "" + s);
      assertThat(run.exitCode()).isZero();
      String line = run.out().strip();
      if (!line.equals("none")) {
        proof = line;
      }
    }
    s--;
    assertThat(proof).isNotNull().hasSize(2 * 96);
    CliRun valid =
        CliRun.of(
            "debug",
            "pos",
            "verify",
            "--k",
            "12",
            "--seed",
            SEED,
            "--s-bucket",
            "" + s,
            "--proof",
            proof);
    assertThat(valid.out().strip()).isEqualTo("valid");
    assertThat(valid.exitCode()).isZero();

    CliRun wrongBucket =
        CliRun.of(
            "debug",
            "pos",
            "verify",
            "--k",
            "12",
            "--seed",
            SEED,
            "--s-bucket",
            "" + (s + 1),
            "--proof",
            proof);
    assertThat(wrongBucket.out().strip()).isEqualTo("invalid");
    assertThat(wrongBucket.exitCode()).isEqualTo(1);
  }

  @Test
  void badFlagsGiveOneErrorLineAndExitTwo() {
    assertBadUsage("--k 12 --s-bucket 1", "--seed");
    assertBadUsage("--k 12 --seed zz --s-bucket 1", "not hex");
    assertBadUsage("--k 12 --seed 0011 --s-bucket 1", "got 2");
    assertBadUsage("--k 30 --seed " + SEED + " --s-bucket 1", "got 30");
    assertBadUsage("--k 12 --seed " + SEED + " --s-bucket 256", "got 256");
    CliRun shortProof =
        CliRun.of(
            "debug",
            "pos",
            "verify",
            "--k",
            "12",
            "--seed",
            SEED,
            "--s-bucket",
            "1",
            "--proof",
            "00");
    assertThat(shortProof.exitCode()).isEqualTo(2);
    assertThat(shortProof.err()).startsWith("error: --proof must be 96 bytes");
  }

  private static void assertBadUsage(String flags, String mentioned) {
    String[] args = ("debug pos prove " + flags).split(" ");
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(flags).isEqualTo(2);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith("error: ")
        .contains(mentioned);
    assertThat(run.out()).isEmpty();
  }
}
