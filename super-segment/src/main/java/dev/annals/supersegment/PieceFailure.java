package dev.annals.supersegment;

import java.util.Locale;

/** The first check a piece failed, with what it found. */
public record PieceFailure(FullPieceCheck check, String detail) {
  /** {@code <check>: <description> (<detail>)}, the form the tools print. */
  @Override
  public String toString() {
    return check.name().toLowerCase(Locale.ROOT) + ": " + check.description() + " (" + detail + ")";
  }
}
