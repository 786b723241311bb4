package dev.annals.primitives.layeringfixture;

import dev.annals.node.cli.AnnalsMain;

/** A deliberate violation, seen only by the layering test: primitives must not use node. */
public final class PrimitiveThatReachesIntoNode {
  private PrimitiveThatReachesIntoNode() {}

  public static Object reach() {
    return new AnnalsMain();
  }
}
