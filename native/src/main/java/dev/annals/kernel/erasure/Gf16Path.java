package dev.annals.kernel.erasure;

/**
 * The instruction-set paths of the GF(2^16) C kernel. {@link #AUTO} takes the best one the CPU has;
 * the others force one path, so the tests can check each against the Java coder.
 */
public enum Gf16Path {
  AUTO(0),
  PORTABLE(1),
  AVX2(2),
  AVX512(3);

  private final int code;

  Gf16Path(int code) {
    this.code = code;
  }

  /** The number the C entry points take and return for this path. */
  int code() {
    return code;
  }

  static Gf16Path ofCode(int code) {
    for (Gf16Path path : values()) {
      if (path.code == code) {
        return path;
      }
    }
    throw new IllegalArgumentException("unknown GF(2^16) kernel path code " + code);
  }
}
