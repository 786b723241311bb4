package dev.annals.kernel.ffm;

import dev.annals.kernel.Blake3Hasher;
import dev.annals.kernel.java.JavaBlake3;
import java.util.Arrays;
import java.util.Objects;

/**
 * Incremental BLAKE3 (plain or keyed) for streams such as whole-sector checksums: the input is cut
 * into 64 KiB pieces, each a complete subtree of the BLAKE3 tree hashed in C (its chunks in vector
 * lanes), and the root is computed over the pieces' chaining values. A piece is hashed only once
 * more input follows it, because the last piece decides the root. Inputs that never fill a piece
 * are hashed by the Java kernel at {@link #finish}, so small incremental hashes stay cheap.
 */
final class CBlake3Hasher implements Blake3Hasher {
  /** 64 chunks: a power of two, and a short call (tens of microseconds). */
  static final int PIECE = 64 * Subtrees.CHUNK_LEN;

  private static final int OUT_LEN = 32;

  private final Subtrees subtrees;
  private final JavaBlake3 java;

  /** The 32-byte key, or null for plain hashing. */
  private final byte[] key;

  /** Input not yet hashed: at most one piece, grown on demand so small hashes stay small. */
  private byte[] pending = new byte[64];

  private int pendingLen;

  /** Chaining values of the hashed pieces, 32 bytes each. */
  private byte[] cvs = new byte[0];

  private int pieces;

  CBlake3Hasher(Subtrees subtrees, JavaBlake3 java, byte[] key) {
    this.subtrees = subtrees;
    this.java = java;
    this.key = key;
  }

  @Override
  public Blake3Hasher update(byte[] input, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, input.length);
    int off = offset;
    int len = length;
    while (len > 0) {
      if (pendingLen == PIECE) {
        // More input follows, so the full piece is not the last one.
        hashPiece(pending, 0, PIECE);
        pendingLen = 0;
      }
      if (pendingLen == 0) {
        // Whole pieces straight from the caller's array, keeping at least one byte back.
        while (len > PIECE) {
          hashPiece(input, off, PIECE);
          off += PIECE;
          len -= PIECE;
        }
      }
      int take = Math.min(PIECE - pendingLen, len);
      reserve(pendingLen + take);
      System.arraycopy(input, off, pending, pendingLen, take);
      pendingLen += take;
      off += take;
      len -= take;
    }
    return this;
  }

  @Override
  public void finish(byte[] out, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, out.length);
    if (pieces == 0) {
      Blake3Hasher whole = key == null ? java.newHasher() : java.newKeyedHasher(key);
      whole.update(pending, 0, pendingLen).finish(out, offset, length);
      return;
    }
    // A piece is hashed only when input follows it, so the pending tail is not empty here. The
    // root call overwrites its values: work on a copy so finish may be called again.
    byte[] all = Arrays.copyOf(cvs, OUT_LEN * (pieces + 1));
    subtrees.chainingValue(key, pending, 0, pendingLen, chunkOf(pieces), all, pieces);
    subtrees.rootOutput(key, all, pieces + 1, out, offset, length);
  }

  private void hashPiece(byte[] input, int offset, int length) {
    if (cvs.length < OUT_LEN * (pieces + 1)) {
      cvs = Arrays.copyOf(cvs, Math.max(OUT_LEN * 16, 2 * cvs.length));
    }
    subtrees.chainingValue(key, input, offset, length, chunkOf(pieces), cvs, pieces);
    pieces++;
  }

  private static long chunkOf(int piece) {
    return (long) piece * (PIECE / Subtrees.CHUNK_LEN);
  }

  private void reserve(int capacity) {
    if (pending.length < capacity) {
      pending = Arrays.copyOf(pending, Math.min(PIECE, Math.max(capacity, 2 * pending.length)));
    }
  }
}
