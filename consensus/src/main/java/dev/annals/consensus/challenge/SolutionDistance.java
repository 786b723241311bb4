package dev.annals.consensus.challenge;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.LittleEndian;

/**
 * How far a chunk lands from the global challenge: {@code a} = u64 LE of the first 8 bytes of
 * {@code KH(sector slot challenge, chunk)}, {@code g} = u64 LE of the first 8 bytes of the global
 * challenge, distance = the smaller of the wrapping differences {@code a − g} and {@code g − a}. A
 * chunk is a solution candidate iff its distance is at most {@code solution range / 2}. Distances
 * are u64 held in a {@code long}: compare them with {@link Long#compareUnsigned}.
 */
public final class SolutionDistance {
  public static final int CHUNK_SIZE = 32;

  private SolutionDistance() {}

  /** The distance of {@code chunk[offset, +32)} audited under {@code sectorSlotChallenge}. */
  public static long of(
      Hash globalChallenge, byte[] sectorSlotChallenge, byte[] chunk, int offset) {
    byte[] audit = new byte[8];
    Kernels.blake3()
        .newKeyedHasher(sectorSlotChallenge)
        .update(chunk, offset, CHUNK_SIZE)
        .finish(audit, 0, 8);
    return between(challengeValue(globalChallenge), LittleEndian.getLong(audit, 0));
  }

  /**
   * The chunk as plotted, which is what an audit hashes: a solution's chunk XOR the hash of its
   * proof of space.
   */
  public static byte[] maskedChunk(Hash chunk, byte[] proofOfSpace) {
    byte[] masked = chunk.toBytes();
    byte[] mask = Kernels.blake3().hash(proofOfSpace);
    for (int i = 0; i < masked.length; i++) {
      masked[i] ^= mask[i];
    }
    return masked;
  }

  /** u64 LE of the first 8 bytes of the global challenge. */
  public static long challengeValue(Hash globalChallenge) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (globalChallenge.get(i) & 0xff);
    }
    return v;
  }

  /** The shorter way round the u64 circle between {@code a} and {@code b}. */
  public static long between(long a, long b) {
    long forward = a - b;
    long backward = b - a;
    return Long.compareUnsigned(forward, backward) < 0 ? forward : backward;
  }

  /** Whether {@code distance ≤ solutionRange / 2} (both u64). */
  public static boolean isWithin(long distance, long solutionRange) {
    return Long.compareUnsigned(distance, solutionRange >>> 1) <= 0;
  }
}
