package dev.annals.benchmarks.supersegment;

import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.supersegment.SuperSegmentChain;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Heap held by a {@link SuperSegmentChain} of N super segments (default 10 million): used heap
 * after full GCs with the chain alive, minus the same before it was built. Also prints the exact
 * size of its arrays, then times random lookups by CPU time. Run: {@code java -Xmx2g -cp
 * benchmarks.jar dev.annals.benchmarks.supersegment.SuperSegmentMemory [N]}.
 */
public final class SuperSegmentMemory {
  private SuperSegmentMemory() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    long start = System.nanoTime();
    SuperSegmentChain chain = SyntheticChain.build(count, 1);
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = usedAfterGc(memory);
    long heap = after - before;
    System.out.printf(
        "super segments: %d (appended and checked in %.1f s, %.0f headers/s)%n",
        chain.size(), seconds, chain.size() / seconds);
    System.out.printf(
        "heap used after GC, difference: %d bytes = %.1f MiB = %.2f bytes per super segment%n",
        heap, heap / 1048576.0, (double) heap / count);
    System.out.printf(
        "arrays held (exact sizes): %d bytes = %.2f bytes per super segment%n",
        chain.retainedArrayBytes(), (double) chain.retainedArrayBytes() / count);
    lookups(chain);
    // Keeps the chain reachable until after the second measurement.
    System.out.println("last max segment index: " + chain.maxSegmentIndex());
  }

  /**
   * Random global piece lookups timed by this thread's CPU time as well as by the wall clock: on a
   * shared machine the wall clock also counts the time other processes hold the core.
   */
  private static void lookups(SuperSegmentChain chain) {
    ProtocolParameters params = ProtocolParameters.PRODUCTION;
    long pieces = (chain.maxSegmentIndex().value() + 1) * params.piecesPerSegment();
    SplittableRandom random = new SplittableRandom(4);
    long[] queries = new long[1 << 22];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = random.nextLong(pieces);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < 3; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (long q : queries) {
        sink += chain.locate(new PieceIndex(q), params).segment().position().value();
      }
      double n = queries.length;
      System.out.printf(
          "lookup round %d: %.0f ns CPU, %.0f ns wall per random global piece index%n",
          round, (threads.getCurrentThreadCpuTime() - cpu) / n, (System.nanoTime() - wall) / n);
    }
    System.out.println("(checksum " + sink + ")");
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
