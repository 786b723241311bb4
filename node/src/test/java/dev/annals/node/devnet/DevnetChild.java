package dev.annals.node.devnet;

import dev.annals.node.cli.AnnalsMain;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code annals devnet} on the devnet spec in a child JVM with the test classpath, plain output.
 */
final class DevnetChild {
  private DevnetChild() {}

  static Process start(Path data) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            AnnalsMain.class.getName(),
            "devnet",
            "--chain",
            "devnet",
            "--data-dir",
            data.toString(),
            "--no-live",
            "--duration",
            "120")
        .redirectErrorStream(true)
        .start();
  }
}
