package dev.annals.kernel.pos;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian bit strings of up to 256 bits held in four longs: bit 0 is the most significant bit of
 * word 0. Used to pack fn inputs and proofs without touching bytes one at a time.
 */
final class BitWriter {
  static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final long[] words = new long[5];
  private int bits;

  void reset() {
    words[0] = 0;
    words[1] = 0;
    words[2] = 0;
    words[3] = 0;
    words[4] = 0;
    bits = 0;
  }

  /** Appends the low {@code width} (1..64) bits of {@code value}, most significant first. */
  void put(long value, int width) {
    long aligned = value << (64 - width);
    int word = bits >>> 6;
    int offset = bits & 63;
    if (offset == 0) {
      words[word] |= aligned;
    } else {
      words[word] |= aligned >>> offset;
      if (offset + width > 64) {
        words[word + 1] |= aligned << (64 - offset);
      }
    }
    bits += width;
  }

  /** Appends a value of up to 128 bits given as two halves ({@code width} 1..128). */
  void put128(long hi, long lo, int width) {
    if (width > 64) {
      put(hi, width - 64);
      put(lo, 64);
    } else {
      put(lo, width);
    }
  }

  /**
   * Writes all 32 bytes of the (zero-padded) bit string at {@code out[offset]}; callers size their
   * buffers so that bytes past the string's own length may be overwritten.
   */
  void writeTo(byte[] out, int offset) {
    LONG_BE.set(out, offset, words[0]);
    LONG_BE.set(out, offset + 8, words[1]);
    LONG_BE.set(out, offset + 16, words[2]);
    LONG_BE.set(out, offset + 24, words[3]);
  }

  /**
   * Reads {@code width} (1..57) bits starting at bit {@code bitOffset} of {@code in}, MSB first.
   */
  static long read(byte[] in, int inOffset, long bitOffset, int width) {
    int byteOffset = inOffset + (int) (bitOffset >>> 3);
    int shift = (int) (bitOffset & 7);
    long v;
    if (byteOffset + 8 <= in.length) {
      v = (long) LONG_BE.get(in, byteOffset);
    } else {
      v = 0;
      for (int i = 0; i < 8 && byteOffset + i < in.length; i++) {
        v |= (in[byteOffset + i] & 0xffL) << (56 - 8 * i);
      }
    }
    return (v << shift) >>> (64 - width);
  }
}
