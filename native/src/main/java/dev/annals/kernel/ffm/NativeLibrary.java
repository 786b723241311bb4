package dev.annals.kernel.ffm;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The C kernels library ({@code libannals_kernels.so}) that the native module's build compiles and
 * puts inside its jar. It is loaded once per process through the FFM API; functions are bound with
 * {@link #function} as downcall handles that may read and write Java arrays in place.
 */
public final class NativeLibrary {
  /** Must equal {@code ANNALS_KERNELS_ABI} in {@code annals_kernels.h}. */
  static final int ABI = 4;

  static final String RESOURCE = "/native/linux-x86_64/libannals_kernels.so";

  private static final int AVX2 = 1;
  private static final int AVX512 = 2;
  private static final int VAES = 4;

  private static final LoadResult INSTANCE = load();

  private final SymbolLookup symbols;
  private final int cpuFeatures;

  private NativeLibrary(SymbolLookup symbols, int cpuFeatures) {
    this.symbols = symbols;
    this.cpuFeatures = cpuFeatures;
  }

  /** The outcome of loading the library: it or the reason it is not available. */
  public sealed interface LoadResult {
    record Loaded(NativeLibrary library) implements LoadResult {}

    record Unavailable(String reason) implements LoadResult {}
  }

  /** The library of this process, loaded on first use. */
  public static LoadResult get() {
    return INSTANCE;
  }

  /**
   * A downcall handle for an exported function. Calls are "critical": they may receive heap
   * segments ({@code MemorySegment.ofArray}) so kernels work on Java arrays without copying, and
   * must therefore be short and never call back into Java.
   */
  public MethodHandle function(String name, FunctionDescriptor descriptor) {
    return Linker.nativeLinker()
        .downcallHandle(symbol(name), descriptor, Linker.Option.critical(true));
  }

  /**
   * A downcall handle for a long-running function (a whole proof-of-space table, say). It is not
   * critical, so the garbage collector keeps running meanwhile; its buffers must be off-heap
   * segments (an {@link java.lang.foreign.Arena}'s), not Java arrays.
   */
  public MethodHandle longFunction(String name, FunctionDescriptor descriptor) {
    return Linker.nativeLinker().downcallHandle(symbol(name), descriptor);
  }

  private MemorySegment symbol(String name) {
    return symbols
        .find(name)
        .orElseThrow(
            () ->
                new IllegalStateException("the C kernels library has no function '" + name + "'"));
  }

  public boolean hasAvx2() {
    return (cpuFeatures & AVX2) != 0;
  }

  public boolean hasAvx512() {
    return (cpuFeatures & AVX512) != 0;
  }

  /** The instruction sets the C kernels use on this CPU, for start-up logs. */
  public String describeCpu() {
    List<String> parts = new ArrayList<>();
    if (hasAvx2()) {
      parts.add("avx2");
    }
    if (hasAvx512()) {
      parts.add("avx512");
    }
    if ((cpuFeatures & VAES) != 0) {
      parts.add("vaes");
    }
    return parts.isEmpty() ? "scalar" : String.join("+", parts);
  }

  private static LoadResult load() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return new LoadResult.Unavailable("C kernels are built for Linux x86-64 only, not " + os);
    }
    URL resource = NativeLibrary.class.getResource(RESOURCE);
    if (resource == null) {
      return new LoadResult.Unavailable(
          "the build made no C kernels library (no C compiler when it was built?)");
    }
    try {
      Path file = localFile(resource);
      SymbolLookup symbols = SymbolLookup.libraryLookup(file, Arena.global());
      NativeLibrary probe = new NativeLibrary(symbols, 0);
      int abi = (int) probe.function("annals_kernels_abi", intResult()).invokeExact();
      if (abi != ABI) {
        return new LoadResult.Unavailable(
            "the C kernels library has ABI " + abi + " but this build expects " + ABI);
      }
      int features = (int) probe.function("annals_kernels_cpu_features", intResult()).invokeExact();
      return new LoadResult.Loaded(new NativeLibrary(symbols, features));
    } catch (Throwable e) {
      return new LoadResult.Unavailable("the C kernels library did not load: " + e);
    }
  }

  private static FunctionDescriptor intResult() {
    return FunctionDescriptor.of(ValueLayout.JAVA_INT);
  }

  /** The library as a file: in place when it is one (a build tree), else copied out of the jar. */
  private static Path localFile(URL resource) throws IOException, URISyntaxException {
    if (resource.getProtocol().equals("file")) {
      return Path.of(resource.toURI());
    }
    Path file = Files.createTempFile("libannals_kernels", ".so");
    file.toFile().deleteOnExit();
    try (InputStream in = resource.openStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
