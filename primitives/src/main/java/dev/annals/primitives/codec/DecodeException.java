package dev.annals.primitives.codec;

/**
 * Bytes that do not decode to a valid value: wrong length, a value out of range, non-zero padding
 * or unknown flags. Names the field (dotted path, e.g. {@code consensus_info.solution.padding}) and
 * the offending value so a log line alone locates the problem.
 */
public final class DecodeException extends IllegalArgumentException {
  private final String field;
  private final String value;

  public DecodeException(String field, String value, String problem) {
    super(field + ": " + problem + " (value " + value + ")");
    this.field = field;
    this.value = value;
  }

  public String field() {
    return field;
  }

  public String value() {
    return value;
  }
}
