package dev.annals.kernel.ffm;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Blake3Hasher;
import dev.annals.kernel.java.JavaBlake3;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

/**
 * BLAKE3 with the batch paths and long inputs in C ({@code blake3_batch.c}): AVX-512 hashes 16
 * independent messages (or 16 chunks of one long message) per pass, AVX2 8. Inputs and outputs are
 * Java arrays passed in place to critical downcalls; large jobs are split so that no single call
 * holds the garbage collector off for more than about a millisecond. Incremental hashers (plain and
 * keyed) hash 64 KiB pieces in C ({@link CBlake3Hasher}). Short single hashes, key derivation and
 * inputs that never fill a piece stay on {@link JavaBlake3}, which is as fast there since one short
 * message has no lanes to fill.
 */
public final class CBlake3 implements Blake3 {
  /** Input bytes per critical batch call: about a quarter of a millisecond at AVX-512 speed. */
  static final int BATCH_CALL_BYTES = 1 << 20;

  /**
   * Single inputs above this are hashed in pieces of this size, one critical call each (about a
   * millisecond), then their subtree values combined. A power-of-two number of chunks (4096), so
   * every piece but the last is a complete subtree of the BLAKE3 tree.
   */
  static final int SUBTREE_BYTES = 4 << 20;

  /**
   * Shorter single inputs go to Java: C puts the whole chunks in lanes, and with fewer than two of
   * them it would compress one message at a time, no faster than Java.
   */
  static final int MIN_C_HASH_BYTES = 2 * 1024;

  /** key, inputs, input offset, count, outputs, output offset. */
  private static final FunctionDescriptor KEYED_BATCH =
      FunctionDescriptor.of(
          ValueLayout.JAVA_INT,
          ValueLayout.ADDRESS,
          ValueLayout.ADDRESS,
          ValueLayout.JAVA_LONG,
          ValueLayout.JAVA_LONG,
          ValueLayout.ADDRESS,
          ValueLayout.JAVA_LONG);

  /** inputs, input offset, input length, count, outputs, output offset. */
  private static final FunctionDescriptor HASH_BATCH =
      FunctionDescriptor.of(
          ValueLayout.JAVA_INT,
          ValueLayout.ADDRESS,
          ValueLayout.JAVA_LONG,
          ValueLayout.JAVA_LONG,
          ValueLayout.JAVA_LONG,
          ValueLayout.ADDRESS,
          ValueLayout.JAVA_LONG);

  /** key or NULL, input, input offset, length, output. */
  private static final FunctionDescriptor HASH =
      FunctionDescriptor.of(
          ValueLayout.JAVA_INT,
          ValueLayout.ADDRESS,
          ValueLayout.ADDRESS,
          ValueLayout.JAVA_LONG,
          ValueLayout.JAVA_LONG,
          ValueLayout.ADDRESS);

  private final JavaBlake3 java = new JavaBlake3();
  private final MethodHandle keyed64Batch;
  private final MethodHandle hashBatch;
  private final MethodHandle hash;
  private final Subtrees subtrees;
  private final String name;

  public CBlake3(NativeLibrary library) {
    keyed64Batch = library.function("annals_blake3_keyed64_batch", KEYED_BATCH);
    hashBatch = library.function("annals_blake3_hash_batch", HASH_BATCH);
    hash = library.function("annals_blake3_hash", HASH);
    subtrees = new Subtrees(library);
    name = "c-" + Blake3Paths.name(Blake3Paths.best(library));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public Blake3Hasher newHasher() {
    return new CBlake3Hasher(subtrees, java, null);
  }

  @Override
  public Blake3Hasher newKeyedHasher(byte[] key) {
    checkKey(key);
    return new CBlake3Hasher(subtrees, java, key.clone());
  }

  @Override
  public Blake3Hasher newDeriveKeyHasher(String context) {
    return java.newDeriveKeyHasher(context);
  }

  @Override
  public byte[] hash(byte[] input, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, input.length);
    if (length < MIN_C_HASH_BYTES) {
      return java.hash(input, offset, length);
    }
    return longHash(null, input, offset, length);
  }

  @Override
  public byte[] keyedHash(byte[] key, byte[] input) {
    checkKey(key);
    if (input.length < MIN_C_HASH_BYTES) {
      return java.keyedHash(key, input);
    }
    return longHash(key, input, 0, input.length);
  }

  private byte[] longHash(byte[] key, byte[] input, int offset, int length) {
    byte[] out = new byte[OUT_LEN];
    MemorySegment keySegment = key == null ? MemorySegment.NULL : MemorySegment.ofArray(key);
    MemorySegment in = MemorySegment.ofArray(input);
    MemorySegment result = MemorySegment.ofArray(out);
    try {
      if (length <= SUBTREE_BYTES) {
        check((int) hash.invokeExact(keySegment, in, (long) offset, (long) length, result), "hash");
        return out;
      }
      int pieces = (int) ((length + (long) SUBTREE_BYTES - 1) / SUBTREE_BYTES);
      byte[] cvs = new byte[OUT_LEN * pieces];
      for (int p = 0; p < pieces; p++) {
        long start = (long) SUBTREE_BYTES * p;
        int n = (int) Math.min(SUBTREE_BYTES, length - start);
        subtrees.chainingValue(
            key, input, offset + (int) start, n, start / Subtrees.CHUNK_LEN, cvs, p);
      }
      subtrees.rootOutput(key, cvs, pieces, out, 0, OUT_LEN);
      return out;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("C BLAKE3 hash failed", e);
    }
  }

  @Override
  public void keyedHash64Batch(
      byte[] key, byte[] inputs, int inOffset, int count, byte[] out, int outOffset) {
    checkKey(key);
    checkBatch(inputs, inOffset, 64, count, out, outOffset);
    if (out == inputs && outOffset > inOffset && outOffset < inOffset + 64L * count) {
      throw new IllegalArgumentException(
          "keyed BLAKE3 batch output overlapping its input needs outOffset <= inOffset, got"
              + " outOffset "
              + outOffset
              + " > inOffset "
              + inOffset);
    }
    MemorySegment keySegment = MemorySegment.ofArray(key);
    MemorySegment in = MemorySegment.ofArray(inputs);
    MemorySegment dst = MemorySegment.ofArray(out);
    int perCall = BATCH_CALL_BYTES / 64;
    // Front to back, so an in-place reduction still reads every input before overwriting it.
    for (int done = 0; done < count; done += perCall) {
      int n = Math.min(perCall, count - done);
      int rc;
      try {
        rc =
            (int)
                keyed64Batch.invokeExact(
                    keySegment,
                    in,
                    (long) inOffset + 64L * done,
                    (long) n,
                    dst,
                    (long) outOffset + (long) OUT_LEN * done);
      } catch (Throwable e) {
        throw new IllegalStateException("C BLAKE3 keyed batch failed", e);
      }
      check(rc, "keyed batch");
    }
  }

  @Override
  public void hashBatch(
      byte[] inputs, int inOffset, int length, int count, byte[] out, int outOffset) {
    if (length < 0) {
      throw new IllegalArgumentException("BLAKE3 batch input length must be >= 0, got " + length);
    }
    checkBatch(inputs, inOffset, length, count, out, outOffset);
    MemorySegment in = MemorySegment.ofArray(inputs);
    MemorySegment dst = MemorySegment.ofArray(out);
    int perCall = Math.max(1, BATCH_CALL_BYTES / Math.max(1, length));
    for (int done = 0; done < count; done += perCall) {
      int n = Math.min(perCall, count - done);
      if ((long) n * length > SUBTREE_BYTES) {
        // One input is itself too long for a critical call.
        byte[] h = hash(inputs, inOffset + length * done, length);
        System.arraycopy(h, 0, out, outOffset + OUT_LEN * done, OUT_LEN);
        continue;
      }
      int rc;
      try {
        rc =
            (int)
                hashBatch.invokeExact(
                    in,
                    (long) inOffset + (long) length * done,
                    (long) length,
                    (long) n,
                    dst,
                    (long) outOffset + (long) OUT_LEN * done);
      } catch (Throwable e) {
        throw new IllegalStateException("C BLAKE3 hash batch failed", e);
      }
      check(rc, "hash batch");
    }
  }

  private static void checkKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_LEN) {
      throw new IllegalArgumentException("BLAKE3 key must be 32 bytes, got " + key.length);
    }
  }

  /** Ranges as {@link JavaBlake3} checks them, so both kernels fail alike on bad input. */
  private static void checkBatch(
      byte[] inputs, int inOffset, int length, int count, byte[] out, int outOffset) {
    if (count < 0) {
      throw new IllegalArgumentException("BLAKE3 batch count must be >= 0, got " + count);
    }
    Objects.checkFromIndexSize(inOffset, (long) length * count, inputs.length);
    Objects.checkFromIndexSize(outOffset, (long) OUT_LEN * count, out.length);
  }

  private static void check(int rc, String what) {
    Subtrees.check(rc, what);
  }
}
