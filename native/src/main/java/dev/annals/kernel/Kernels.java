package dev.annals.kernel;

import dev.annals.kernel.erasure.ErasureCoder;
import dev.annals.kernel.erasure.JavaErasureCoder;
import dev.annals.kernel.java.JavaBlake3;
import dev.annals.kernel.java.JavaChaCha8;
import dev.annals.kernel.pos.ChiaProofOfSpace;
import dev.annals.kernel.pos.PosParameters;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.kernel.pot.AesProofOfTime;
import dev.annals.kernel.pot.ProofOfTime;

/**
 * The kernel implementations in use, chosen once per process. The choice can be named with the
 * system property {@code annals.kernels} ({@code java} is the pure-Java set, always available).
 */
public final class Kernels {
  public static final String PROPERTY = "annals.kernels";

  private static final Blake3 BLAKE3;
  private static final ChaCha8 CHACHA8;
  private static final ErasureCoder ERASURE_CODER;
  private static final ProofOfTime PROOF_OF_TIME;

  static {
    String requested = System.getProperty(PROPERTY, "java");
    if (!requested.equals("java")) {
      throw new IllegalStateException(
          "unknown kernel set '" + requested + "' in -D" + PROPERTY + " (known: java)");
    }
    BLAKE3 = new JavaBlake3();
    CHACHA8 = new JavaChaCha8();
    ERASURE_CODER = new JavaErasureCoder();
    PROOF_OF_TIME =
        new AesProofOfTime(BLAKE3, Math.min(8, Runtime.getRuntime().availableProcessors()));
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
   * A proof of space for a table shape; each table build uses up to {@code threadsPerBuild}
   * threads. Instances are thread-safe and pool their (large) table buffers, so keep one.
   */
  public static ProofOfSpace proofOfSpace(PosParameters parameters, int threadsPerBuild) {
    return new ChiaProofOfSpace(parameters, BLAKE3, CHACHA8, threadsPerBuild);
  }

  /** Proof of time on the JDK's AES; verification uses up to 8 threads (one per checkpoint). */
  public static ProofOfTime proofOfTime() {
    return PROOF_OF_TIME;
  }

  /** One line for start-up logs: which implementation each kernel uses. */
  public static String describe() {
    return "blake3="
        + BLAKE3.name()
        + " chacha8="
        + CHACHA8.name()
        + " erasure="
        + ERASURE_CODER.name()
        + " pot=jdk-aes";
  }
}
