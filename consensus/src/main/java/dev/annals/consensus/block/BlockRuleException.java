package dev.annals.consensus.block;

/** The block breaks {@link #rule()}: it is invalid. The message names expected and actual. */
public final class BlockRuleException extends BlockVerificationException {
  public BlockRuleException(BlockRule rule, String detail) {
    this(rule, detail, null);
  }

  public BlockRuleException(BlockRule rule, String detail, Throwable cause) {
    super(rule, "invalid block: " + rule + ": " + detail, cause);
  }
}
