package dev.annals.supersegment;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The search levels over the chain's max segment indices: level L holds, for each group of 8^L
 * consecutive entries, the max index of the group's last entry (so far). A lookup scans at most 8
 * values per level from the top, and only the lowest levels miss the cache, where a binary search
 * over the entries would miss at every step. About 1/7 of a {@code long} per entry.
 */
final class MaxIndexLevels {
  static final int FANOUT_BITS = 3;
  static final int FANOUT = 1 << FANOUT_BITS;

  // levels[L − 1] is level L.
  private long[][] levels = new long[0][];

  private static int count(int level, int size) {
    return ((size - 1) >>> (FANOUT_BITS * level)) + 1;
  }

  /** Records that entry {@code i}, the last of {@code i + 1}, has max index {@code max}. */
  void append(int i, long max, IntToLongFunction entryMax) {
    for (int level = 1; level <= levels.length; level++) {
      set(level, i >>> (FANOUT_BITS * level), max);
    }
    int size = i + 1;
    int height = levels.length;
    if (count(height, size) > FANOUT) {
      int below = count(height, size);
      int n = count(height + 1, size);
      long[] top = new long[Math.max(n, FANOUT)];
      for (int j = 0; j < n; j++) {
        int last = Math.min(j * FANOUT + FANOUT - 1, below - 1);
        top[j] = height == 0 ? entryMax.applyAsLong(last) : levels[height - 1][last];
      }
      long[][] grown = Arrays.copyOf(levels, height + 1);
      grown[height] = top;
      levels = grown;
    }
  }

  private void set(int level, int index, long max) {
    long[] values = levels[level - 1];
    if (index >= values.length) {
      values = Arrays.copyOf(values, values.length + (values.length >>> 1) + FANOUT);
      levels[level - 1] = values;
    }
    values[index] = max;
  }

  /** After the chain shrank back to {@code size} entries, whose last has {@code lastMax}. */
  void rollBack(int size, long lastMax) {
    if (size == 0) {
      levels = new long[0][];
      return;
    }
    for (int level = 1; level <= levels.length; level++) {
      levels[level - 1][(size - 1) >>> (FANOUT_BITS * level)] = lastMax;
    }
  }

  /**
   * The group of 8 entries holding the first entry with max index ≥ {@code g} (unsigned), among
   * {@code size} entries whose last max index is ≥ {@code g}.
   */
  int findEntryGroup(long g, int size) {
    int k = 0;
    for (int level = levels.length; level >= 1; level--) {
      long[] values = levels[level - 1];
      int j = k << FANOUT_BITS;
      int end = Math.min(j + FANOUT, count(level, size)) - 1;
      while (j < end && Long.compareUnsigned(values[j], g) < 0) {
        j++;
      }
      k = j;
    }
    return k;
  }

  /** Bytes held by the level arrays (16-byte array headers, 4-byte references). */
  long retainedBytes() {
    long bytes = 16L + 4L * levels.length;
    for (long[] values : levels) {
      bytes += 16L + 8L * values.length;
    }
    return bytes;
  }
}
