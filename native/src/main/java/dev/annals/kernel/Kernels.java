package dev.annals.kernel;

import dev.annals.kernel.erasure.CErasureCoder;
import dev.annals.kernel.erasure.ErasureCoder;
import dev.annals.kernel.erasure.JavaErasureCoder;
import dev.annals.kernel.ffm.CBlake3;
import dev.annals.kernel.ffm.CProofOfSpace;
import dev.annals.kernel.ffm.CProofOfTime;
import dev.annals.kernel.ffm.NativeLibrary;
import dev.annals.kernel.java.JavaBlake3;
import dev.annals.kernel.java.JavaChaCha8;
import dev.annals.kernel.pos.ChiaProofOfSpace;
import dev.annals.kernel.pos.PosParameters;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.kernel.pot.AesProofOfTime;
import dev.annals.kernel.pot.ProofOfTime;
import java.util.Optional;

/**
 * The kernel implementations in use, chosen once per process with the system property {@code
 * annals.kernels}: {@code auto} (the default) takes the C kernels where the library loaded and the
 * Java ones elsewhere, {@code java} takes the pure-Java set (always available), {@code c} insists
 * on the C kernels and fails at start-up when they cannot load. Both sets produce identical bytes.
 */
public final class Kernels {
  public static final String PROPERTY = "annals.kernels";

  private static final Blake3 BLAKE3;
  private static final ChaCha8 CHACHA8;
  private static final ErasureCoder ERASURE_CODER;
  private static final ProofOfTime PROOF_OF_TIME;
  private static final Optional<NativeLibrary> NATIVE;
  private static final String NATIVE_STATE;

  static {
    String requested = System.getProperty(PROPERTY, "auto");
    NativeLibrary.LoadResult loaded =
        switch (requested) {
          case "java" -> new NativeLibrary.LoadResult.Unavailable("not requested");
          case "auto", "c" -> NativeLibrary.get();
          default ->
              throw new IllegalStateException(
                  "unknown kernel set '"
                      + requested
                      + "' in -D"
                      + PROPERTY
                      + " (known: auto, java, c)");
        };
    switch (loaded) {
      case NativeLibrary.LoadResult.Loaded l -> {
        NATIVE = Optional.of(l.library());
        NATIVE_STATE = "c=" + l.library().describeCpu();
      }
      case NativeLibrary.LoadResult.Unavailable u -> {
        if (requested.equals("c")) {
          throw new IllegalStateException("-D" + PROPERTY + "=c but " + u.reason());
        }
        NATIVE = Optional.empty();
        NATIVE_STATE = "c=off (" + u.reason() + ")";
      }
    }
    BLAKE3 = NATIVE.<Blake3>map(CBlake3::new).orElseGet(JavaBlake3::new);
    CHACHA8 = new JavaChaCha8();
    ERASURE_CODER = NATIVE.<ErasureCoder>map(CErasureCoder::new).orElseGet(JavaErasureCoder::new);
    // C verifies a slot on one thread faster than the JDK's AES does on eight.
    PROOF_OF_TIME =
        NATIVE
            .<ProofOfTime>map(lib -> new CProofOfTime(lib, BLAKE3))
            .orElseGet(
                () ->
                    new AesProofOfTime(
                        BLAKE3, Math.min(8, Runtime.getRuntime().availableProcessors())));
  }

  private Kernels() {}

  public static Blake3 blake3() {
    return BLAKE3;
  }

  public static ChaCha8 chacha8() {
    return CHACHA8;
  }

  /** Reed-Solomon over GF(2^16), bit-exact with reed-solomon-simd's high-rate coder. */
  public static ErasureCoder erasureCoder() {
    return ERASURE_CODER;
  }

  /**
   * A proof of space for a table shape (the C kernel where the library loaded); each table build
   * uses up to {@code threadsPerBuild} threads. Instances are thread-safe and pool their (large)
   * table buffers, so keep one.
   */
  public static ProofOfSpace proofOfSpace(PosParameters parameters, int threadsPerBuild) {
    ChiaProofOfSpace java = new ChiaProofOfSpace(parameters, BLAKE3, CHACHA8, threadsPerBuild);
    // The C kernel builds tables and proofs; verification (microseconds) stays on Java's.
    return NATIVE
        .<ProofOfSpace>map(lib -> new CProofOfSpace(lib, parameters, java, threadsPerBuild))
        .orElse(java);
  }

  /**
   * Proof of time: the C kernel (AES-NI / VAES, verification interleaved on one thread) where the
   * library loaded, else the JDK's AES with verification on up to 8 threads.
   */
  public static ProofOfTime proofOfTime() {
    return PROOF_OF_TIME;
  }

  /** The C kernels library when this process uses it. */
  public static Optional<NativeLibrary> nativeLibrary() {
    return NATIVE;
  }

  /** One line for start-up logs: which implementation each kernel uses. */
  public static String describe() {
    return "blake3="
        + BLAKE3.name()
        + " chacha8="
        + CHACHA8.name()
        + " erasure="
        + ERASURE_CODER.name()
        + " pos="
        + (NATIVE.isPresent() ? "c" : "java")
        + " pot="
        + (PROOF_OF_TIME instanceof CProofOfTime c ? c.name() : "jdk-aes")
        + " "
        + NATIVE_STATE;
  }
}
