package dev.annals.benchmarks.archiver;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Archives one production segment from 16 MiB blocks generated one at a time, then prints one line
 * of heap figures: the largest heap still in use after any collection during the run (what the
 * archiver really holds, garbage excluded) and the sum of the heap pools' peaks (garbage included).
 * {@code scripts/bench-archive-heap} runs it under shrinking {@code -Xmx} to find the smallest heap
 * that archives a segment. Exit status 0 means the segment was archived.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.annals.benchmarks.archiver.ArchiveHeapProbe
 * <threads>} (0 = all cores).
 */
public final class ArchiveHeapProbe {
  private static final int BLOCK_SIZE = 16 << 20;
  private static final long MIB = 1 << 20;

  private ArchiveHeapProbe() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int poolSize = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    Set<String> heapPoolNames =
        heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    AtomicLong maxUsedAfterGc = new AtomicLong();
    listenForCollections(heapPoolNames, maxUsedAfterGc);
    System.gc();
    long baseline = heapUsed(heapPools);
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

    long started = System.nanoTime();
    ArchivedSegment segment;
    try (ForkJoinPool pool = poolSize == 1 ? null : new ForkJoinPool(poolSize)) {
      segment = archiveOneSegment(pool);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf(
        "archived segment %s (%d pieces) in %d ms with %d thread(s); max heap %d MiB;"
            + " baseline %d MiB; max used after GC %d MiB; sum of heap pool peaks %d MiB;"
            + " collections %d%n",
        segment.header().index(),
        segment.pieces().size(),
        millis,
        poolSize,
        Runtime.getRuntime().maxMemory() / MIB,
        baseline / MIB,
        maxUsedAfterGc.get() / MIB,
        poolPeaks / MIB,
        collections());
  }

  private static ArchivedSegment archiveOneSegment(ForkJoinPool pool) {
    SegmentArchiver archiver =
        SegmentArchiver.create(ProtocolParameters.PRODUCTION, ShardIndex.BEACON, pool);
    Random random = new Random(7);
    // A block is dropped as soon as it is archived, as a node feeding confirmed blocks would.
    for (int i = 0; i < 16; i++) {
      byte[] block = new byte[BLOCK_SIZE];
      random.nextBytes(block);
      List<ArchivedSegment> done = archiver.addBlock(block);
      if (!done.isEmpty()) {
        return done.getFirst();
      }
    }
    throw new IllegalStateException("256 MiB of blocks did not close a production segment");
  }

  private static void listenForCollections(Set<String> heapPoolNames, AtomicLong maxUsedAfterGc) {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  return;
                }
                GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used =
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPoolNames.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed())
                        .sum();
                maxUsedAfterGc.accumulateAndGet(used, Math::max);
              },
              null,
              null);
    }
  }

  private static long heapUsed(List<MemoryPoolMXBean> heapPools) {
    return heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }
}
