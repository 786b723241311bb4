package dev.annals.consensus.block;

/**
 * Why a block was not accepted: either it breaks a rule ({@link BlockRuleException}, reject it) or
 * a rule cannot be checked yet because something it refers to is not known ({@link
 * MissingDependencyException}, hold it back and retry once the dependency arrives).
 */
public abstract sealed class BlockVerificationException extends Exception
    permits BlockRuleException, MissingDependencyException {
  private final BlockRule rule;

  BlockVerificationException(BlockRule rule, String message, Throwable cause) {
    super(message, cause);
    this.rule = rule;
  }

  public BlockRule rule() {
    return rule;
  }
}
