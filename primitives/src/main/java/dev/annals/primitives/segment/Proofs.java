package dev.annals.primitives.segment;

import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import java.util.ArrayList;
import java.util.List;

/** Fixed-length lists of hashes (Merkle proofs) inside the codecs. */
public final class Proofs {
  private Proofs() {}

  public static List<Hash> check(String field, List<Hash> hashes, int expected) {
    if (hashes == null || hashes.size() != expected) {
      throw new IllegalArgumentException(
          field
              + ": must hold "
              + expected
              + " hashes (value "
              + (hashes == null ? null : hashes.size())
              + ")");
    }
    for (Hash h : hashes) {
      if (h == null) {
        throw new IllegalArgumentException(field + ": null hash (value null)");
      }
    }
    return List.copyOf(hashes);
  }

  /**
   * A segment proof: the real hashes first, the unused tail all zero. A non-zero hash after a zero
   * one would be ignored by verification (it reads up to the first zero hash), so it is rejected.
   */
  public static List<Hash> checkSegmentProof(String field, List<Hash> hashes, int expected) {
    List<Hash> proof = check(field, hashes, expected);
    int firstZero = -1;
    for (int i = 0; i < proof.size(); i++) {
      if (proof.get(i).isZero()) {
        if (firstZero < 0) {
          firstZero = i;
        }
      } else if (firstZero >= 0) {
        throw new DecodeException(
            field + "[" + i + "]",
            proof.get(i).toHex(),
            "non-zero hash after the zero tail that starts at " + firstZero);
      }
    }
    return proof;
  }

  public static List<Hash> read(ByteReader r, String field, int count) {
    List<Hash> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(r.hash(field + "[" + i + "]"));
    }
    return out;
  }

  public static void write(ByteWriter w, List<Hash> hashes) {
    for (Hash h : hashes) {
      w.hash(h);
    }
  }

  public static List<Hash> zeros(int count) {
    List<Hash> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(Hash.ZERO);
    }
    return List.copyOf(out);
  }
}
