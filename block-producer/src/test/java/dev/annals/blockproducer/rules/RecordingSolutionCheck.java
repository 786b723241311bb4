package dev.annals.blockproducer.rules;

import dev.annals.consensus.solution.SolutionCheck;
import dev.annals.consensus.solution.SolutionContext;
import dev.annals.consensus.solution.SolutionVerifyException;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the solution verifier in block rule tests (the fixture's solutions carry a real
 * shard reveal but no plotted sector): records what the block verifier asks, and rejects when told
 * to, so the tests see how the block verifier wires the solution check in.
 */
final class RecordingSolutionCheck implements SolutionCheck {
  final List<SolutionContext> contexts = new ArrayList<>();
  SolutionVerifyException reject;

  @Override
  public void verify(Solution solution, SolutionContext context) throws SolutionVerifyException {
    contexts.add(context);
    if (reject != null) {
      throw reject;
    }
  }
}
