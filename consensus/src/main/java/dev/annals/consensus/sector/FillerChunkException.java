package dev.annals.consensus.sector;

/**
 * An audit candidate that is a filler chunk (stored unmasked because its record had no proof of
 * space for that s-bucket, see docs/sectors.md): it can never win. Typed so a farmer can skip it
 * without mistaking it for bad input; still an {@link IllegalArgumentException} for callers that
 * treat every refused candidate alike.
 */
public final class FillerChunkException extends IllegalArgumentException {
  public FillerChunkException(String message) {
    super(message);
  }
}
