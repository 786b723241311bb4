package dev.annals.kernel.pos;

import static dev.annals.kernel.pos.ChiaConstants.PARAM_B;
import static dev.annals.kernel.pos.ChiaConstants.PARAM_BC;
import static dev.annals.kernel.pos.ChiaConstants.PARAM_C;
import static dev.annals.kernel.pos.ChiaConstants.PARAM_M;

/**
 * Chia's matching rule: a left entry with in-bucket offset r_l (bucket parity p) matches a right
 * entry of the next bucket whose offset r_r equals target(m) = ((r_l / C + m) mod B)·C + (((2m +
 * p)² + r_l) mod C) for some m in 0..63.
 */
final class MatchRule {
  /** (2m + parity)² mod C, indexed [parity · 64 + m]: the only per-m term of the C part. */
  static final int[] SQUARES_MOD_C = new int[2 * PARAM_M];

  static {
    for (int parity = 0; parity < 2; parity++) {
      for (int m = 0; m < PARAM_M; m++) {
        int v = 2 * m + parity;
        SQUARES_MOD_C[parity * PARAM_M + m] = v * v % PARAM_C;
      }
    }
  }

  private MatchRule() {}

  /** Writes the 64 right offsets that match left offset {@code leftR}, in m order. */
  static void targets(int parity, int leftR, int[] out) {
    int cPart = leftR / PARAM_C;
    int rModC = leftR % PARAM_C;
    int squares = parity * PARAM_M;
    for (int m = 0; m < PARAM_M; m++) {
      int b = cPart + m;
      if (b >= PARAM_B) {
        b -= PARAM_B;
      }
      int c = SQUARES_MOD_C[squares + m] + rModC;
      if (c >= PARAM_C) {
        c -= PARAM_C;
      }
      out[m] = b * PARAM_C + c;
    }
  }

  /**
   * The verifier's check, exactly as Abundance's {@code has_match}: offsets and parity come from
   * {@code y mod BC} and {@code y / BC} of each side, and whether the right y lies in the bucket
   * after the left one is deliberately not checked.
   */
  static boolean hasMatch(int leftY, int rightY) {
    int rightR = rightY % PARAM_BC;
    int parity = (leftY / PARAM_BC) & 1;
    int leftR = leftY % PARAM_BC;
    int cPart = leftR / PARAM_C;
    int rModC = leftR % PARAM_C;
    int squares = parity * PARAM_M;
    for (int m = 0; m < PARAM_M; m++) {
      int b = cPart + m;
      if (b >= PARAM_B) {
        b -= PARAM_B;
      }
      int c = SQUARES_MOD_C[squares + m] + rModC;
      if (c >= PARAM_C) {
        c -= PARAM_C;
      }
      if (b * PARAM_C + c == rightR) {
        return true;
      }
    }
    return false;
  }
}
