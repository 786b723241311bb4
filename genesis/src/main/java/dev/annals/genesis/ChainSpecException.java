package dev.annals.genesis;

/** A chain spec that cannot be used: names its source, the field (dotted path) and the problem. */
public final class ChainSpecException extends IllegalArgumentException {
  private final String source;
  private final String field;

  public ChainSpecException(String source, String field, String problem) {
    this(source, field, problem, null);
  }

  public ChainSpecException(String source, String field, String problem, Throwable cause) {
    super("chain spec " + source + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
    this.source = source;
    this.field = field;
  }

  /** Where the spec came from: a built-in name or a file path. */
  public String source() {
    return source;
  }

  /** The offending field, empty when the problem is the document as a whole. */
  public String field() {
    return field;
  }
}
