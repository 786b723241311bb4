package dev.annals.kernel.pos;

import static dev.annals.kernel.pos.ChiaConstants.MATCH_CAP;
import static dev.annals.kernel.pos.ChiaConstants.PARAM_B;
import static dev.annals.kernel.pos.ChiaConstants.PARAM_BC;
import static dev.annals.kernel.pos.ChiaConstants.PARAM_C;
import static dev.annals.kernel.pos.ChiaConstants.PARAM_M;

/**
 * Finds the matches between two adjacent buckets in the order Abundance emits them. Not
 * thread-safe: one instance per thread; its scratch is reused for every bucket pair.
 */
final class MatchFinder {
  /** Room for the cap plus one left entry's worst case (64 targets × 2 right entries). */
  static final int MATCH_BUFFER = MATCH_CAP + 2 * PARAM_M;

  // The Rmap: up to two right positions per offset r. A stamp per r says which pair wrote it, so
  // the 15113-entry arrays are never cleared between pairs.
  private final int[] stamp = new int[PARAM_BC];
  private final int[] first = new int[PARAM_BC];
  private final int[] second = new int[PARAM_BC];
  private int generation;

  /**
   * Matches left bucket {@code leftBucket} (entries {@code [leftStart, leftStart + leftCount)} of
   * the bucketed arrays) with the right bucket after it and appends up to {@link
   * ChiaConstants#MATCH_CAP} matches to {@code outLeft/outRight/outLeftY} from {@code outOffset}.
   *
   * @return the number of matches written
   */
  int find(
      int leftBucket,
      int[] positions,
      int[] ys,
      int leftStart,
      int leftCount,
      int rightStart,
      int rightCount,
      int[] outLeft,
      int[] outRight,
      int[] outLeftY,
      int outOffset) {
    if (leftCount == 0 || rightCount == 0) {
      return 0;
    }
    int gen = ++generation;
    if (gen == 0) {
      // Wrapped after 2^32 pairs: start over so no stale stamp can collide.
      java.util.Arrays.fill(stamp, 0);
      gen = ++generation;
    }
    int leftBase = leftBucket * PARAM_BC;
    int rightBase = leftBase + PARAM_BC;
    for (int i = rightStart, end = rightStart + rightCount; i < end; i++) {
      int r = ys[i] - rightBase;
      if (stamp[r] != gen) {
        stamp[r] = gen;
        first[r] = positions[i];
        second[r] = -1;
      } else if (second[r] < 0) {
        second[r] = positions[i];
      }
    }
    int squares = (leftBucket & 1) * PARAM_M;
    int n = 0;
    for (int i = leftStart, end = leftStart + leftCount; i < end && n < MATCH_CAP; i++) {
      int y = ys[i];
      int leftPosition = positions[i];
      int leftR = y - leftBase;
      int cPart = leftR / PARAM_C;
      int rModC = leftR % PARAM_C;
      // The target formula of MatchRule.targets, fused into the lookup loop (the hot loop of the
      // table build: 64 targets for every entry of every table).
      for (int m = 0; m < PARAM_M; m++) {
        int b = cPart + m;
        if (b >= PARAM_B) {
          b -= PARAM_B;
        }
        int c = MatchRule.SQUARES_MOD_C[squares + m] + rModC;
        if (c >= PARAM_C) {
          c -= PARAM_C;
        }
        int t = b * PARAM_C + c;
        if (stamp[t] == gen) {
          outLeft[outOffset + n] = leftPosition;
          outRight[outOffset + n] = first[t];
          outLeftY[outOffset + n] = y;
          n++;
          int s = second[t];
          if (s >= 0) {
            outLeft[outOffset + n] = leftPosition;
            outRight[outOffset + n] = s;
            outLeftY[outOffset + n] = y;
            n++;
          }
        }
      }
    }
    return Math.min(n, MATCH_CAP);
  }
}
