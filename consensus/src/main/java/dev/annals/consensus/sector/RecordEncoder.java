package dev.annals.consensus.sector;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * Seals one record (Abundance's {@code record_encoding}): extend the record's chunks by erasure
 * coding to the s-buckets (s below the chunk count is source chunk s, else parity chunk s − chunk
 * count); for the n-th s-bucket s_n with a proof of space, stored chunk n = extended(s_n) ⊕
 * BLAKE3(proof n); records short of proofs get unmasked fillers ({@link StoredChunks}). One
 * instance per thread: it keeps its parity scratch.
 */
final class RecordEncoder {
  private final ProtocolParameters params;
  private final ProofOfSpace pos;
  private final byte[] parity;

  RecordEncoder(ProtocolParameters params, ProofOfSpace pos) {
    this.params = params;
    this.pos = pos;
    this.parity = new byte[params.recordSize()];
  }

  /**
   * Seals {@code record[recordOffset, + record size)} into {@code sealed} (record size bytes) and
   * writes the record's contents map row into {@code bitmap}; returns the number of chunks masked
   * with a proof (the rest are {@link StoredChunks} fillers).
   */
  int encode(byte[] seed, byte[] record, int recordOffset, byte[] sealed, byte[] bitmap) {
    int chunks = params.recordChunks();
    PosProofs proofs = pos.createProofs(seed);
    Kernels.erasureCoder()
        .encode(chunks, chunks, SectorLayout.CHUNK_SIZE, record, recordOffset, parity, 0);
    byte[] masks = ProofMasks.of(proofs);
    byte[] found = proofs.foundProofs();
    byte[] row = StoredChunks.row(found, proofs.count(), chunks);
    System.arraycopy(row, 0, bitmap, 0, bitmap.length);
    int n = 0;
    int masked = 0;
    for (int i = 0; i < row.length; i++) {
      int bits = row[i] & 0xff;
      while (bits != 0) {
        int bit = Integer.numberOfTrailingZeros(bits);
        int s = i * 8 + bit;
        bits &= bits - 1;
        byte[] source = s < chunks ? record : parity;
        int from =
            s < chunks
                ? recordOffset + s * SectorLayout.CHUNK_SIZE
                : (s - chunks) * SectorLayout.CHUNK_SIZE;
        int to = n * SectorLayout.CHUNK_SIZE;
        if ((found[i] & (1 << bit)) != 0) {
          int maskAt = masked * SectorLayout.CHUNK_SIZE;
          for (int b = 0; b < SectorLayout.CHUNK_SIZE; b++) {
            sealed[to + b] = (byte) (source[from + b] ^ masks[maskAt + b]);
          }
          masked++;
        } else {
          System.arraycopy(source, from, sealed, to, SectorLayout.CHUNK_SIZE);
        }
        n++;
      }
    }
    return masked;
  }
}
