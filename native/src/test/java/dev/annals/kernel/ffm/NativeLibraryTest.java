package dev.annals.kernel.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.Kernels;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {
  /**
   * On the machines Annals builds on (Linux x86-64 with gcc) the library must load; CI would
   * otherwise silently test only the Java kernels. ANNALS_NATIVE_SKIP=1 builds without it.
   */
  @Test
  void theLibraryLoadsWhereTheBuildCompiledIt() {
    assumeTrue(!"1".equals(System.getenv("ANNALS_NATIVE_SKIP")));
    assumeTrue(System.getProperty("os.arch").equals("amd64"));
    assumeTrue(gccOnPath(), "no gcc on PATH: the build could not compile the C kernels");
    NativeLibrary.LoadResult result = NativeLibrary.get();
    assertThat(result).isInstanceOf(NativeLibrary.LoadResult.Loaded.class);
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) result).library();
    assertThat(Kernels.nativeLibrary()).contains(library);
    assertThat(Kernels.describe()).contains("c=" + library.describeCpu());
  }

  private static boolean gccOnPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "gcc"))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anUnknownFunctionIsNamedInTheError() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    NativeLibrary library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                library.function(
                    "annals_no_such_kernel", java.lang.foreign.FunctionDescriptor.ofVoid()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("annals_no_such_kernel");
  }
}
