package dev.annals.primitives;

/**
 * The number of segments in the global history, at least 1. On the wire it is stored as {@code
 * segments − 1} (Abundance's encoding), so {@code 0xFFFF_FFFF_FFFF_FFFF} on the wire would mean
 * 2^64 segments; Annals rejects that value instead of saturating as Abundance does.
 */
public record HistorySize(long segments) implements Comparable<HistorySize> {
  public static final HistorySize ONE = new HistorySize(1);

  public HistorySize {
    if (segments == 0) {
      throw new IllegalArgumentException("history_size: must be at least 1 segment (value 0)");
    }
  }

  /** From the wire value ({@code segments − 1}). */
  public static HistorySize fromEncoded(long encoded) {
    if (encoded == -1L) {
      throw new IllegalArgumentException(
          "history_size: encoded value 2^64 − 1 would mean 2^64 segments (value "
              + U64.toString(encoded)
              + ")");
    }
    return new HistorySize(encoded + 1);
  }

  public long encoded() {
    return segments - 1;
  }

  /** The newest global segment index inside this history. */
  public GlobalSegmentIndex lastSegmentIndex() {
    return new GlobalSegmentIndex(segments - 1);
  }

  @Override
  public int compareTo(HistorySize other) {
    return Long.compareUnsigned(segments, other.segments);
  }

  @Override
  public String toString() {
    return U64.toString(segments);
  }
}
