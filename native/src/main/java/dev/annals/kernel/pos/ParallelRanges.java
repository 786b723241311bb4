package dev.annals.kernel.pos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits {@code [0, n)} into at most {@code threads} contiguous ranges and runs them in parallel.
 */
final class ParallelRanges {
  /** Work on one range {@code [from, to)}. */
  @FunctionalInterface
  interface RangeTask {
    void run(int from, int to);
  }

  private ParallelRanges() {}

  static void run(int threads, int n, RangeTask task) {
    int parts = Math.max(1, Math.min(threads, n));
    if (parts == 1) {
      task.run(0, n);
      return;
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(parts - 1)) {
      List<Future<?>> futures = new ArrayList<>(parts - 1);
      for (int p = 1; p < parts; p++) {
        int from = (int) ((long) n * p / parts);
        int to = (int) ((long) n * (p + 1) / parts);
        futures.add(pool.submit(() -> task.run(from, to)));
      }
      task.run(0, (int) ((long) n / parts));
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("PoS table build interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
