package dev.annals.consensus.sector;

/**
 * Which s-buckets of a record are stored. Abundance stores exactly the s-buckets with a proof of
 * space and assumes there are always {@code chunk count} of them. Annals keeps that and adds a rule
 * for records with fewer proofs (common at the dev preset's small K, practically never at K = 20):
 * the missing {@code chunk count − proofs} chunks are taken, unmasked, from the lowest s-buckets
 * without a proof, so every record stores exactly {@code chunk count} chunks and can be recovered.
 * Such filler chunks can never win: a solution needs a proof for its s-bucket.
 */
final class StoredChunks {
  private StoredChunks() {}

  /** The stored-chunks bitmap (the contents map row) for a record's found-proofs bitmap. */
  static byte[] row(byte[] foundProofs, int found, int chunks) {
    byte[] row = foundProofs.clone();
    int missing = chunks - found;
    for (int s = 0; missing > 0 && s < row.length * 8; s++) {
      int mask = 1 << (s & 7);
      if ((row[s >>> 3] & mask) == 0) {
        row[s >>> 3] |= (byte) mask;
        missing--;
      }
    }
    return row;
  }
}
