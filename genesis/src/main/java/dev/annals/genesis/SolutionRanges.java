package dev.annals.genesis;

import dev.annals.primitives.params.ProtocolParameters;
import java.math.BigInteger;

/** The solution range that makes a given plotted piece count win slots at the slot probability. */
public final class SolutionRanges {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private SolutionRanges() {}

  /**
   * {@code u64::MAX / b × a / record chunks × s-buckets / pieces} with integer division at every
   * step, slot probability a/b (protocol-facts §9; Abundance's {@code SolutionRange::from_pieces}).
   * Each step fits a u64 for any valid preset.
   */
  public static long fromPieces(long pieces, ProtocolParameters params) {
    if (pieces <= 0) {
      throw new IllegalArgumentException(
          "initial_solution_range.from_pieces: must be positive (value " + pieces + ")");
    }
    BigInteger range =
        U64_MAX
            .divide(BigInteger.valueOf(params.slotProbabilityDenominator()))
            .multiply(BigInteger.valueOf(params.slotProbabilityNumerator()))
            .divide(BigInteger.valueOf(params.recordChunks()))
            .multiply(BigInteger.valueOf(params.sBuckets()))
            .divide(BigInteger.valueOf(pieces));
    if (range.compareTo(U64_MAX) > 0 || range.signum() == 0) {
      throw new IllegalArgumentException(
          "initial_solution_range.from_pieces: gives a range outside 1..=u64::MAX (value "
              + pieces
              + ")");
    }
    return range.longValue();
  }
}
