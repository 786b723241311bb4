package dev.annals.supersegment;

import dev.annals.primitives.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A segment proof as a piece header stores it: exactly {@code segment proof hashes} (20) hashes,
 * the used prefix first (bottom up) and the unused tail all zero. A proof's length follows from the
 * super segment's segment count and the position, so the zero tail loses nothing.
 */
public final class SegmentProofs {
  private SegmentProofs() {}

  /** The stored form of a proof given as concatenated 32-byte hashes. */
  public static List<Hash> pad(byte[] proof, int storedHashes) {
    if (proof.length % Hash.SIZE != 0) {
      throw new IllegalArgumentException(
          "segment_proof: must be whole 32-byte hashes (value " + proof.length + " bytes)");
    }
    int used = proof.length / Hash.SIZE;
    if (used > storedHashes) {
      throw new IllegalArgumentException(
          "segment_proof: "
              + used
              + " hashes do not fit the "
              + storedHashes
              + " a piece header holds (value "
              + used
              + ")");
    }
    List<Hash> out = new ArrayList<>(storedHashes);
    for (int i = 0; i < storedHashes; i++) {
      if (i < used) {
        byte[] h = new byte[Hash.SIZE];
        System.arraycopy(proof, i * Hash.SIZE, h, 0, Hash.SIZE);
        if (Hash.wrap(h).isZero()) {
          // An all-zero hash would end the proof early when read back.
          throw new IllegalArgumentException(
              "segment_proof[" + i + "]: an all-zero hash cannot be stored (value 0)");
        }
        out.add(Hash.wrap(h));
      } else {
        out.add(Hash.ZERO);
      }
    }
    return List.copyOf(out);
  }

  /** The number of hashes before the first all-zero one. */
  public static int usedLength(List<Hash> stored) {
    int used = 0;
    while (used < stored.size() && !stored.get(used).isZero()) {
      used++;
    }
    return used;
  }

  /** True when every hash after the used prefix is zero. */
  public static boolean tailIsZero(List<Hash> stored) {
    for (int i = usedLength(stored); i < stored.size(); i++) {
      if (!stored.get(i).isZero()) {
        return false;
      }
    }
    return true;
  }

  /** The used prefix as concatenated hashes. */
  public static byte[] usedPrefix(List<Hash> stored) {
    int used = usedLength(stored);
    byte[] out = new byte[used * Hash.SIZE];
    for (int i = 0; i < used; i++) {
      stored.get(i).copyTo(out, i * Hash.SIZE);
    }
    return out;
  }

  /** The stored form as one lower-case hex string ({@code storedHashes × 64} digits). */
  public static String toHex(List<Hash> stored) {
    StringBuilder sb = new StringBuilder(stored.size() * 2 * Hash.SIZE);
    for (Hash h : stored) {
      sb.append(h.toHex());
    }
    return sb.toString();
  }
}
