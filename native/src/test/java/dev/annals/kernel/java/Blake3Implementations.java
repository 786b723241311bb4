package dev.annals.kernel.java;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Kernels;
import java.util.List;

/** Every BLAKE3 implementation the tests hold to the same answers. */
final class Blake3Implementations {
  private Blake3Implementations() {}

  static List<Blake3> all() {
    return List.of(new JavaBlake3(), Kernels.blake3());
  }
}
