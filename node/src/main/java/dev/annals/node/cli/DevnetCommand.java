package dev.annals.node.cli;

import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.node.devnet.DevnetConfig;
import dev.annals.node.devnet.DevnetRuntime;
import dev.annals.node.devnet.DevnetSummary;
import dev.annals.node.devnet.SummaryText;
import dev.annals.node.storage.StorageConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annals devnet}: the whole network of a chain spec in this process (docs/devnet.md), with a
 * live summary, until Ctrl-C (or {@code --duration} / {@code --stop-after-slots}).
 */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description =
        "Runs every shard of a chain spec in one process with an embedded farmer; shows a live"
            + " summary. Ctrl-C stops cleanly; running it again on the same --data-dir resumes.")
public final class DevnetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--chain",
      defaultValue = "devnet",
      paramLabel = "<name|file>",
      description = "Chain spec: a built-in name or a JSON file (default: ${DEFAULT-VALUE}).")
  String chain;

  @Option(
      names = "--data-dir",
      required = true,
      paramLabel = "<dir>",
      description = "Data directory: database, farms, devnet.log (created when missing).")
  Path dataDir;

  @Option(
      names = "--identities",
      defaultValue = "" + DevnetConfig.DEFAULT_IDENTITIES,
      description = "Farmer identities of the embedded farmer (default: ${DEFAULT-VALUE}).")
  int identities;

  @Option(
      names = "--sectors-per-identity",
      defaultValue = "" + DevnetConfig.DEFAULT_SECTORS_PER_IDENTITY,
      description = "Sectors each identity plots (default: ${DEFAULT-VALUE}).")
  int sectors;

  @Option(
      names = "--tx-bytes-per-slot",
      defaultValue = "" + DevnetConfig.DEFAULT_TX_BYTES_PER_SLOT,
      description =
          "Opaque transaction bytes put into each leaf shard's pool per slot (default:"
              + " ${DEFAULT-VALUE}).")
  int txBytes;

  @Option(
      names = "--duration",
      paramLabel = "<seconds>",
      description = "Stop after this many seconds (default: run until Ctrl-C).")
  Long durationSeconds;

  @Option(
      names = "--stop-after-slots",
      paramLabel = "<n>",
      description = "Stop once the proof-of-time clock has announced this slot.")
  Long stopAfterSlots;

  @Option(
      names = "--no-live",
      description =
          "Plain log lines (one summary line per second) instead of a summary refreshed in place;"
              + " the default when stdout is not a terminal.")
  boolean noLive;

  private static final long RESOURCES_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** Heap and CPU of this process, logged every 30 s for the steady-state figures. */
  private static String resources() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    double cpu = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      cpu = os.getProcessCpuLoad() * Runtime.getRuntime().availableProcessors() * 100;
    }
    return String.format(
        Locale.ROOT,
        "resources: heap used %d MiB of %d MiB committed, process cpu %.0f%% of one core",
        heap.getUsed() >> 20,
        heap.getCommitted() >> 20,
        cpu);
  }

  @Override
  public Integer call() throws Exception {
    if (durationSeconds != null && durationSeconds <= 0) {
      throw new IllegalArgumentException(
          "--duration: must be positive (value " + durationSeconds + ")");
    }
    ChainSpec chainSpec = ChainSpecs.load(chain);
    DevnetConfig config =
        new DevnetConfig(chainSpec, dataDir, identities, sectors, txBytes, StorageConfig.DEFAULT);
    Files.createDirectories(dataDir);
    PrintWriter out = spec.commandLine().getOut();
    boolean live = !noLive && System.console() != null && System.console().isTerminal();
    try (BufferedWriter logFile =
        Files.newBufferedWriter(
            dataDir.resolve("devnet.log"),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      Consumer<String> log =
          line -> {
            String stamped = Instant.now() + " " + line;
            synchronized (logFile) {
              try {
                logFile.write(stamped);
                logFile.newLine();
                logFile.flush();
              } catch (IOException e) {
                // The log file is a convenience; the devnet keeps running without it.
              }
            }
            if (!live) {
              synchronized (out) {
                out.println(stamped);
                out.flush();
              }
            }
          };
      return run(config, log, out, live);
    }
  }

  private int run(DevnetConfig config, Consumer<String> log, PrintWriter out, boolean live)
      throws IOException, InterruptedException {
    DevnetRuntime runtime = DevnetRuntime.start(config, log);
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        Thread.ofPlatform()
            .unstarted(
                () -> {
                  stop.countDown();
                  try {
                    stopped.await(60, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    Runtime.getRuntime().addShutdownHook(hook);
    long start = System.nanoTime();
    long deadline =
        durationSeconds == null
            ? Long.MAX_VALUE
            : start + TimeUnit.SECONDS.toNanos(durationSeconds);
    int printedLines = 0;
    long nextResources = start + RESOURCES_EVERY_NANOS;
    try {
      while (!stop.await(live ? 500 : 1000, TimeUnit.MILLISECONDS)) {
        if (runtime.failure().isPresent()) {
          throw new IllegalStateException(
              "the devnet stopped: " + runtime.failure().get().getMessage(),
              runtime.failure().get());
        }
        DevnetSummary summary = runtime.summary();
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        synchronized (out) {
          if (live) {
            List<String> lines = SummaryText.lines(summary, elapsed);
            if (printedLines > 0) {
              out.print("\033[" + printedLines + "F");
            }
            for (String line : lines) {
              out.print(line + "\033[K\n");
            }
            out.print("\033[J");
            printedLines = lines.size();
          } else {
            out.println(SummaryText.line(summary, elapsed));
          }
          out.flush();
        }
        if (System.nanoTime() >= nextResources) {
          nextResources += RESOURCES_EVERY_NANOS;
          log.accept(resources());
        }
        if (System.nanoTime() >= deadline
            || (stopAfterSlots != null && summary.slot() >= stopAfterSlots)) {
          break;
        }
      }
    } finally {
      try {
        closeAndReport(runtime, log, out, start);
      } finally {
        // The shutdown hook waits for `stopped` and the JVM halts as soon as it returns, so the
        // last summary must be out before the latch opens.
        stopped.countDown();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down (Ctrl-C): the hook is running and waits for `stopped`.
      }
    }
    return 0;
  }

  private static void closeAndReport(
      DevnetRuntime runtime, Consumer<String> log, PrintWriter out, long start) {
    DevnetSummary last = null;
    try {
      last = runtime.summary();
    } catch (RuntimeException e) {
      log.accept("final summary unavailable: " + e.getMessage());
    }
    runtime.close();
    if (last != null) {
      synchronized (out) {
        out.println(
            "stopped: "
                + SummaryText.line(
                    last, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
        out.flush();
      }
    }
  }
}
