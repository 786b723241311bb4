package dev.annals.kernel.ffm;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.pot.ProofOfTime;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;

/**
 * Proof of time in C ({@code pot.c}, {@code pot_aesni.c}), bit-exact with {@link
 * dev.annals.kernel.pot.AesProofOfTime}. Proving is one sequential AES-NI chain; verifying runs all
 * 16 meet-in-the-middle half-chains interleaved on the calling thread (four blocks per instruction
 * with VAES), which takes a fraction of the proving time instead of about as long. A slot's chain
 * takes ~100 ms, so the calls are non-critical (the GC keeps running) on small off-heap buffers.
 * Arguments are checked here, with the Java kernel's messages, before C is called.
 */
public final class CProofOfTime implements ProofOfTime {
  private static final int BLOCK = 16;
  // One off-heap buffer per call: key, seed, then the 128 checkpoint bytes.
  private static final long KEY_AT = 0;
  private static final long SEED_AT = 16;
  private static final long CHECKPOINTS_AT = 32;
  private static final long BUFFER_LEN = CHECKPOINTS_AT + CHECKPOINTS_LEN;

  /** The instruction-set paths of the C kernel; production uses {@link #AUTO}. */
  public enum Path {
    /** The best this CPU has. */
    AUTO(-1),
    /** Table-based AES, for CPUs without AES instructions. */
    PORTABLE(0),
    /** AES-NI, one block per instruction. */
    AES_NI(1),
    /** VAES with AVX-512 for verification (four blocks per instruction); proves with AES-NI. */
    VAES(2);

    final int code;

    Path(int code) {
      this.code = code;
    }

    /** The C side's code for this path (the {@code path} argument of the exported functions). */
    public int code() {
      return code;
    }
  }

  private final Blake3 blake3;
  private final int resolvedPath;
  private final MethodHandle prove;
  private final MethodHandle verify;

  /** The best path this CPU has. */
  public CProofOfTime(NativeLibrary library, Blake3 blake3) {
    this(library, blake3, Path.AUTO);
  }

  /**
   * @throws IllegalArgumentException when this CPU cannot run {@code path}
   */
  public CProofOfTime(NativeLibrary library, Blake3 blake3, Path path) {
    this.blake3 = blake3;
    this.resolvedPath = resolve(library, path);
    if (resolvedPath < 0) {
      throw new IllegalArgumentException("this CPU cannot run the C proof-of-time path " + path);
    }
    FunctionDescriptor common =
        FunctionDescriptor.of(
            ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS,
            ValueLayout.ADDRESS,
            ValueLayout.ADDRESS,
            ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_INT);
    this.prove = library.longFunction("annals_pot_prove", common);
    this.verify = library.longFunction("annals_pot_verify", common);
  }

  /** Whether this CPU runs {@code path}. */
  public static boolean available(NativeLibrary library, Path path) {
    return resolve(library, path) >= 0;
  }

  private static int resolve(NativeLibrary library, Path path) {
    MethodHandle resolve =
        library.function(
            "annals_pot_path", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    try {
      return (int) resolve.invokeExact(path.code);
    } catch (Throwable e) {
      throw new IllegalStateException("C proof of time: path query failed", e);
    }
  }

  /** The verification path in use: {@code c-vaes}, {@code c-aesni} or {@code c-portable}. */
  public String name() {
    return switch (resolvedPath) {
      case 2 -> "c-vaes";
      case 1 -> "c-aesni";
      default -> "c-portable";
    };
  }

  @Override
  public byte[] keyOf(byte[] seed) {
    checkLength("PoT seed", seed);
    return Arrays.copyOf(blake3.hash(seed), BLOCK);
  }

  @Override
  public byte[] prove(byte[] seed, long iterations) {
    checkIterations(iterations);
    return createCheckpoints(seed, keyOf(seed), iterations / NUM_CHECKPOINTS);
  }

  @Override
  public boolean verify(byte[] seed, long iterations, byte[] checkpoints) {
    checkIterations(iterations);
    return verifyCheckpoints(seed, keyOf(seed), checkpoints, iterations / NUM_CHECKPOINTS);
  }

  /** The 8 checkpoints with an explicit key, {@code checkpointIterations} encryptions apart. */
  public byte[] createCheckpoints(byte[] seed, byte[] key, long checkpointIterations) {
    checkLength("PoT seed", seed);
    if (checkpointIterations <= 0) {
      throw new IllegalArgumentException(
          "PoT checkpoint iterations must be positive, got " + checkpointIterations);
    }
    checkLength("AES key", key);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = buffer(arena, seed, key);
      int code;
      try {
        code =
            (int)
                prove.invokeExact(
                    buffer.asSlice(KEY_AT, BLOCK),
                    buffer.asSlice(SEED_AT, BLOCK),
                    buffer.asSlice(CHECKPOINTS_AT, CHECKPOINTS_LEN),
                    checkpointIterations,
                    resolvedPath);
      } catch (Throwable e) {
        throw new IllegalStateException("C proof-of-time prove call failed", e);
      }
      if (code != 0) {
        throw new IllegalStateException("C proof-of-time prove failed with code " + code);
      }
      return buffer.asSlice(CHECKPOINTS_AT, CHECKPOINTS_LEN).toArray(ValueLayout.JAVA_BYTE);
    }
  }

  /** Verification with an explicit key; {@code checkpointIterations} must be even. */
  public boolean verifyCheckpoints(
      byte[] seed, byte[] key, byte[] checkpoints, long checkpointIterations) {
    checkLength("PoT seed", seed);
    checkLength("PoT key", key);
    if (checkpoints.length != CHECKPOINTS_LEN) {
      throw new IllegalArgumentException(
          "PoT checkpoints must be 128 bytes, got " + checkpoints.length);
    }
    if (checkpointIterations <= 0 || checkpointIterations % 2 != 0) {
      throw new IllegalArgumentException(
          "PoT checkpoint iterations must be positive and even, got " + checkpointIterations);
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = buffer(arena, seed, key);
      MemorySegment.copy(
          checkpoints, 0, buffer, ValueLayout.JAVA_BYTE, CHECKPOINTS_AT, CHECKPOINTS_LEN);
      int code;
      try {
        code =
            (int)
                verify.invokeExact(
                    buffer.asSlice(KEY_AT, BLOCK),
                    buffer.asSlice(SEED_AT, BLOCK),
                    buffer.asSlice(CHECKPOINTS_AT, CHECKPOINTS_LEN),
                    checkpointIterations,
                    resolvedPath);
      } catch (Throwable e) {
        throw new IllegalStateException("C proof-of-time verify call failed", e);
      }
      if (code < 0) {
        throw new IllegalStateException("C proof-of-time verify failed with code " + code);
      }
      return code == 1;
    }
  }

  private static MemorySegment buffer(Arena arena, byte[] seed, byte[] key) {
    MemorySegment buffer = arena.allocate(BUFFER_LEN, 16);
    MemorySegment.copy(key, 0, buffer, ValueLayout.JAVA_BYTE, KEY_AT, BLOCK);
    MemorySegment.copy(seed, 0, buffer, ValueLayout.JAVA_BYTE, SEED_AT, BLOCK);
    return buffer;
  }

  private static void checkIterations(long iterations) {
    if (iterations <= 0 || iterations % (2 * NUM_CHECKPOINTS) != 0) {
      throw new IllegalArgumentException(
          "PoT iterations must be a positive multiple of 16, got " + iterations);
    }
  }

  private static void checkLength(String what, byte[] bytes) {
    if (bytes.length != BLOCK) {
      throw new IllegalArgumentException(what + " must be 16 bytes, got " + bytes.length);
    }
  }
}
