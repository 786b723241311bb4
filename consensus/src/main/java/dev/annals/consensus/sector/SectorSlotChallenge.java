package dev.annals.consensus.sector;

import dev.annals.primitives.Hash;

/** {@code sector id ⊕ global challenge}: which s-bucket a sector audits in a slot, and the key. */
public record SectorSlotChallenge(Hash hash) {
  public SectorSlotChallenge {
    if (hash == null) {
      throw new IllegalArgumentException("sector_slot_challenge: must be set (value null)");
    }
  }

  /**
   * The audited s-bucket: u16 LE of the first two bytes, reduced modulo the (power-of-two) s-bucket
   * count. With 65536 s-buckets that is Abundance's rule; for fewer it equals the 256-bit value
   * modulo the count, the rule Abundance's comment states in general.
   */
  public int sBucket(int numSBuckets) {
    if (numSBuckets < 2 || numSBuckets > 65536 || Integer.bitCount(numSBuckets) != 1) {
      throw new IllegalArgumentException(
          "num_s_buckets: must be a power of two in 2..=65536 (value " + numSBuckets + ")");
    }
    int u16 = (hash.get(0) & 0xff) | (hash.get(1) & 0xff) << 8;
    return u16 & (numSBuckets - 1);
  }

  /** The 32 bytes, the key of the audit hash. */
  public byte[] toBytes() {
    return hash.toBytes();
  }
}
