package dev.annals.benchmarks.supersegment;

import dev.annals.supersegment.SuperSegmentChain;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap held by a {@link SuperSegmentChain} of N super segments (default 10 million): used heap
 * after full GCs with the chain alive, minus the same before it was built. Also prints the exact
 * size of its arrays. Run: {@code java -Xmx2g -cp benchmarks.jar
 * dev.annals.benchmarks.supersegment.SuperSegmentMemory [N]}.
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
    // Keeps the chain reachable until after the second measurement.
    System.out.println("last max segment index: " + chain.maxSegmentIndex());
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
