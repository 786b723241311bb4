package dev.annals.consensus.block;

/**
 * {@link #rule()} cannot be checked yet: a block, proof-of-time output or super segment it refers
 * to is not known locally. The block is neither valid nor invalid; the importer holds it back until
 * {@link #dependency()} arrives.
 */
public final class MissingDependencyException extends BlockVerificationException {
  private final String dependency;

  public MissingDependencyException(BlockRule rule, String dependency) {
    super(rule, "not yet verifiable: " + rule + ": missing " + dependency, null);
    this.dependency = dependency;
  }

  /** What is missing, e.g. "beacon block #12 0xab…". */
  public String dependency() {
    return dependency;
  }
}
