package dev.annals.kernel.pos;

/**
 * The size of a proof-of-space table and of the record it serves.
 *
 * @param k table size exponent: table 1 has 2^k entries, x-values are k bits (12..25)
 * @param numSBuckets number of s-buckets of a record (a power of two, at most 65536 and at most
 *     2^k); a record holds {@code numSBuckets / 2} proofs
 */
public record PosParameters(int k, int numSBuckets) {
  public static final int MIN_K = 12;
  public static final int MAX_K = 25;

  /** Abundance's production table: K = 20, 65536 s-buckets, 32768 chunks per record. */
  public static final PosParameters PRODUCTION = new PosParameters(20, 65536);

  /** A small table for development chains and fast tests. */
  public static final PosParameters DEV = new PosParameters(12, 256);

  public PosParameters {
    if (k < MIN_K || k > MAX_K) {
      throw new IllegalArgumentException("PoS k must be in " + MIN_K + ".." + MAX_K + ", got " + k);
    }
    if (numSBuckets < 2
        || numSBuckets > 65536
        || Integer.bitCount(numSBuckets) != 1
        || numSBuckets > (1 << k)) {
      throw new IllegalArgumentException(
          "PoS numSBuckets must be a power of two in 2..min(65536, 2^k), got "
              + numSBuckets
              + " for k "
              + k);
    }
  }

  /** Bits of a y value: k plus the 6 extension bits. */
  public int yBits() {
    return k + ChiaConstants.PARAM_EXT;
  }

  /** Bytes of a proof: 64 x-values of k bits each. */
  public int proofSize() {
    return 64 * k / 8;
  }

  /** Proofs a record keeps: proof creation stops after this many. */
  public int proofsPerRecord() {
    return numSBuckets / 2;
  }

  /** Buckets of y values: ceil(2^(k+6) / BC). */
  public int numBuckets() {
    return (int) (((1L << yBits()) + ChiaConstants.PARAM_BC - 1) / ChiaConstants.PARAM_BC);
  }

  /** Metadata width in bits of table {@code table} (1..7). */
  public int metadataBits(int table) {
    return k
        * switch (table) {
          case 1 -> 1;
          case 2, 6 -> 2;
          case 3, 4 -> 4;
          case 5 -> 3;
          case 7 -> 0;
          default -> throw new IllegalArgumentException("PoS table must be 1..7, got " + table);
        };
  }

  /** Checks a s-bucket index against this record shape. */
  public void checkSBucket(int sBucket) {
    if (sBucket < 0 || sBucket >= numSBuckets) {
      throw new IllegalArgumentException(
          "s-bucket must be in 0.." + (numSBuckets - 1) + ", got " + sBucket);
    }
  }
}
