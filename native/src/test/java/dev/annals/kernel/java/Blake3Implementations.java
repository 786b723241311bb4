package dev.annals.kernel.java;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.ffm.CBlake3;
import dev.annals.kernel.ffm.NativeLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * Every BLAKE3 implementation the tests hold to the same answers: the Java kernel, and the C kernel
 * whenever the library loaded (whatever -Dannals.kernels chose for {@code Kernels.blake3()}).
 */
final class Blake3Implementations {
  private Blake3Implementations() {}

  static List<Blake3> all() {
    List<Blake3> all = new ArrayList<>();
    all.add(new JavaBlake3());
    if (NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded loaded) {
      all.add(new CBlake3(loaded.library()));
    }
    return all;
  }
}
