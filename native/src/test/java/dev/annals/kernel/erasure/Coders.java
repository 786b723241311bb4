package dev.annals.kernel.erasure;

import dev.annals.kernel.ffm.NativeLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coders the erasure tests run against: the Java reference and, where the C kernels library
 * loaded, the C coder on every path this CPU supports (portable, AVX2, AVX-512), each forced.
 */
final class Coders {
  private static final List<ErasureCoder> ALL = build();

  private Coders() {}

  static List<ErasureCoder> all() {
    return ALL;
  }

  /** The Java coder and the C coder on the best path of this CPU (when the library loaded). */
  static List<ErasureCoder> javaAndBest() {
    List<ErasureCoder> coders = new ArrayList<>();
    coders.add(new JavaErasureCoder());
    library().ifPresent(library -> coders.add(new CErasureCoder(library)));
    return coders;
  }

  /** The C kernels library, when it loaded. */
  static Optional<NativeLibrary> library() {
    return NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded loaded
        ? Optional.of(loaded.library())
        : Optional.empty();
  }

  /** The C coders, one per path this CPU supports. */
  static List<CErasureCoder> cCoders() {
    List<CErasureCoder> coders = new ArrayList<>();
    library()
        .ifPresent(
            library -> {
              NativeGf16 kernel = new NativeGf16(library);
              for (Gf16Path path : Gf16Path.values()) {
                if (path != Gf16Path.AUTO && kernel.resolve(path) > 0) {
                  coders.add(new CErasureCoder(library, path));
                }
              }
            });
    return coders;
  }

  private static List<ErasureCoder> build() {
    List<ErasureCoder> coders = new ArrayList<>();
    coders.add(new JavaErasureCoder());
    coders.addAll(cCoders());
    return List.copyOf(coders);
  }
}
