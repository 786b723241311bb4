package dev.annals.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnalsMainTest {
  @Test
  void helpListsTheDebugGroup() {
    CliRunner result = CliRunner.run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: annals").contains("debug");
  }

  @Test
  void versionNamesTheJavaRuntime() {
    CliRunner result = CliRunner.run("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("annals ").contains("Java " + Runtime.version().feature());
  }

  @Test
  void anUnknownFlagIsOneClearLineAndExitCodeTwo() {
    CliRunner result = CliRunner.run("debug", "--no-such-flag");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: Unknown option: '--no-such-flag'");
    assertThat(result.out()).isEmpty();
  }
}
