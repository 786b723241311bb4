package dev.annals.kernel.java;

/**
 * Whether the vector-lane BLAKE3 paths can run: the JVM must have been started with {@code
 * --add-modules jdk.incubator.vector} and the CPU must offer at least 8 int lanes. Checked without
 * touching the vector classes, so a JVM without the module never loads them.
 */
final class LaneSupport {
  private static final boolean AVAILABLE = detect();

  private LaneSupport() {}

  static boolean available() {
    return AVAILABLE;
  }

  private static boolean detect() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    return Blake3Lanes.LANES >= 8;
  }
}
