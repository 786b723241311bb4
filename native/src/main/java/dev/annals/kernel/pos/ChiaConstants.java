package dev.annals.kernel.pos;

/** The fixed constants of the Chia matching function (as used by Abundance). */
final class ChiaConstants {
  static final int PARAM_EXT = 6;
  static final int PARAM_M = 64;
  static final int PARAM_B = 119;
  static final int PARAM_C = 127;
  static final int PARAM_BC = PARAM_B * PARAM_C;

  /** Entries kept per bucket; later ones (in position order) are dropped. */
  static final int BUCKET_CAP = 272;

  /** Matches kept per bucket pair. */
  static final int MATCH_CAP = 288;

  private ChiaConstants() {}
}
