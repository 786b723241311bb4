package dev.annals.kernel.ffm;

import dev.annals.kernel.pos.PosParameters;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.ProofOfSpace;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The Chia-style proof of space with its table build and proof extraction in C ({@code pos_*.c}),
 * bit-exact with {@link dev.annals.kernel.pos.ChiaProofOfSpace}. One long-running, non-critical
 * call per seed does the whole record; its memory (well over 100 MB at k = 20) is off-heap, owned
 * here and pooled per concurrent build, so plotting many records allocates nothing per record.
 * Verification is a few microseconds of work and stays on the Java verifier given.
 */
public final class CProofOfSpace implements ProofOfSpace {
  /** Instruction-set paths of the C kernel; tests force each, production lets C choose. */
  static final int PATH_AUTO = -1;

  static final int PATH_PORTABLE = 0;
  static final int PATH_AVX2 = 1;
  static final int PATH_AVX512 = 2;

  /** The C kernel's own limit on threads per build (extra threads would only wait). */
  public static final int MAX_THREADS = 64;

  private static final int SEED_LEN = 32;

  private final PosParameters params;
  private final ProofOfSpace verifier;
  private final int threads;
  private final int path;
  private final long workspaceSize;
  private final MethodHandle createProofs;
  private final ConcurrentLinkedQueue<Buffers> idle = new ConcurrentLinkedQueue<>();

  /**
   * @param verifier the Java proof of space of the same parameters, used for {@link #verify}
   * @param threadsPerBuild threads one table build uses inside C (capped at {@link #MAX_THREADS})
   */
  public CProofOfSpace(
      NativeLibrary library, PosParameters params, ProofOfSpace verifier, int threadsPerBuild) {
    this(library, params, verifier, threadsPerBuild, PATH_AUTO);
  }

  CProofOfSpace(
      NativeLibrary library,
      PosParameters params,
      ProofOfSpace verifier,
      int threadsPerBuild,
      int path) {
    if (threadsPerBuild < 1) {
      throw new IllegalArgumentException(
          "PoS threads per build must be >= 1, got " + threadsPerBuild);
    }
    if (!verifier.parameters().equals(params)) {
      throw new IllegalArgumentException(
          "PoS verifier has parameters " + verifier.parameters() + ", expected " + params);
    }
    this.params = params;
    this.verifier = verifier;
    this.threads = Math.min(threadsPerBuild, MAX_THREADS);
    this.path = path;
    Handles handles = Handles.of(library);
    try {
      this.workspaceSize =
          (long) handles.workspaceSize().invokeExact(params.k(), params.numSBuckets(), threads);
    } catch (Throwable e) {
      throw new IllegalStateException("C proof of space: workspace size query failed", e);
    }
    if (workspaceSize <= 0) {
      throw new IllegalStateException(
          "C proof of space refused k " + params.k() + ", numSBuckets " + params.numSBuckets());
    }
    this.createProofs = handles.createProofs();
  }

  /**
   * The bound functions, made once per library (verifiers are created often, binding is not free).
   */
  private record Handles(
      NativeLibrary library, MethodHandle workspaceSize, MethodHandle createProofs) {
    private static volatile Handles cached;

    static Handles of(NativeLibrary library) {
      Handles h = cached;
      if (h == null || h.library != library) {
        h = bind(library);
        cached = h;
      }
      return h;
    }

    private static Handles bind(NativeLibrary library) {
      MethodHandle size =
          library.function(
              "annals_pos_workspace_size",
              FunctionDescriptor.of(
                  ValueLayout.JAVA_LONG,
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT));
      MethodHandle create =
          library.longFunction(
              "annals_pos_create_proofs",
              FunctionDescriptor.of(
                  ValueLayout.JAVA_INT,
                  ValueLayout.ADDRESS,
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT,
                  ValueLayout.JAVA_INT,
                  ValueLayout.ADDRESS,
                  ValueLayout.JAVA_LONG,
                  ValueLayout.ADDRESS,
                  ValueLayout.ADDRESS));
      return new Handles(library, size, create);
    }
  }

  @Override
  public PosParameters parameters() {
    return params;
  }

  /** Bytes of off-heap memory one concurrent build holds. */
  public long workspaceBytes() {
    return workspaceSize;
  }

  @Override
  public PosProofs createProofs(byte[] seed) {
    checkSeed(seed);
    Buffers buffers = idle.poll();
    if (buffers == null) {
      buffers = new Buffers(params, workspaceSize);
    }
    try {
      return buffers.run(seed);
    } finally {
      idle.offer(buffers);
    }
  }

  @Override
  public byte[] findProof(byte[] seed, int sBucket) {
    params.checkSBucket(sBucket);
    return createProofs(seed).proof(sBucket);
  }

  @Override
  public boolean verify(byte[] seed, int sBucket, byte[] proof) {
    return verifier.verify(seed, sBucket, proof);
  }

  private static void checkSeed(byte[] seed) {
    if (seed == null || seed.length != SEED_LEN) {
      throw new IllegalArgumentException(
          "PoS seed must be 32 bytes, got " + (seed == null ? "null" : seed.length));
    }
  }

  /** The off-heap memory of one build; freed with the proof of space when it becomes garbage. */
  private final class Buffers {
    private final MemorySegment workspace;
    private final MemorySegment seed;
    private final MemorySegment found;
    private final MemorySegment proofs;

    Buffers(PosParameters params, long workspaceSize) {
      Arena arena = Arena.ofAuto();
      this.workspace = arena.allocate(workspaceSize, 64);
      this.seed = arena.allocate(SEED_LEN);
      this.found = arena.allocate((params.numSBuckets() + 7) / 8);
      this.proofs = arena.allocate((long) params.proofsPerRecord() * params.proofSize());
    }

    PosProofs run(byte[] seedBytes) {
      MemorySegment.copy(seedBytes, 0, seed, ValueLayout.JAVA_BYTE, 0, SEED_LEN);
      int count;
      try {
        count =
            (int)
                createProofs.invokeExact(
                    seed,
                    params.k(),
                    params.numSBuckets(),
                    threads,
                    path,
                    workspace,
                    workspace.byteSize(),
                    found,
                    proofs);
      } catch (Throwable e) {
        throw new IllegalStateException("C proof of space call failed", e);
      }
      if (count < 0) {
        throw new IllegalStateException(
            "C proof of space failed with code " + count + " (" + describe(count) + ")");
      }
      byte[] proofBytes =
          proofs.asSlice(0, (long) count * params.proofSize()).toArray(ValueLayout.JAVA_BYTE);
      return new PosProofs(params, found.toArray(ValueLayout.JAVA_BYTE), proofBytes, count);
    }
  }

  private static String describe(int code) {
    return switch (code) {
      case -1 -> "shape or thread count refused";
      case -2 -> "workspace too small";
      case -3 -> "instruction set not available on this CPU";
      default -> "unknown";
    };
  }
}
