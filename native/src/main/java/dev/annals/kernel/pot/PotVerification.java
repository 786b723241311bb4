package dev.annals.kernel.pot;

/**
 * How a segment (input → checkpoint, {@code per} encryptions) is checked. Both give the same answer
 * for every input: AES under a fixed key is a permutation, so E^(per/2)(in) = D^(per/2)(out) holds
 * exactly when E^per(in) = out.
 */
public enum PotVerification {
  /** Abundance's method: per/2 encryptions of the input, per/2 decryptions of the output. */
  MEET_IN_THE_MIDDLE,
  /**
   * per encryptions of the input compared with the output. On the JDK encryption chains run in the
   * intrinsic CBC loop while decryption pays a call per block, so this does twice the rounds yet
   * finishes sooner.
   */
  FORWARD
}
