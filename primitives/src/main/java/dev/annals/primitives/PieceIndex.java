package dev.annals.primitives;

/**
 * A piece's global index: {@code global segment index × pieces per segment + position} (u64). Every
 * u64 is valid; the {@code long} holds it in two's complement, so order and printing are unsigned.
 */
public record PieceIndex(long value) implements Comparable<PieceIndex> {
  public static final PieceIndex ZERO = new PieceIndex(0);

  public static PieceIndex parse(String text) {
    return new PieceIndex(U64.parse("piece_index", text));
  }

  /** The next value; fails at 2^64 − 1 rather than wrapping. */
  public PieceIndex next() {
    return new PieceIndex(U64.increment("piece_index", value));
  }

  @Override
  public int compareTo(PieceIndex other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return U64.toString(value);
  }
}
