package dev.annals.primitives;

/**
 * A proof-of-time slot number (u64). Every u64 is valid; the {@code long} holds it in two's
 * complement, so order and printing are unsigned.
 */
public record Slot(long value) implements Comparable<Slot> {
  public static final Slot ZERO = new Slot(0);

  public static Slot parse(String text) {
    return new Slot(U64.parse("slot", text));
  }

  /** The next value; fails at 2^64 − 1 rather than wrapping. */
  public Slot next() {
    return new Slot(U64.increment("slot", value));
  }

  @Override
  public int compareTo(Slot other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return U64.toString(value);
  }
}
