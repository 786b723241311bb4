package dev.annals.consensus.solution;

import dev.annals.primitives.solution.Solution;

/**
 * The solution verification a block verifier runs after the shard membership reveal has been
 * checked: the stateless part (s-bucket, proof of space, masked chunk within range, chunk proof)
 * and the piece part (history size, piece offset, sector expiration, record and segment proofs).
 */
@FunctionalInterface
public interface SolutionCheck {
  /**
   * @throws SolutionVerifyException naming the first check the solution fails
   */
  void verify(Solution solution, SolutionContext context) throws SolutionVerifyException;
}
