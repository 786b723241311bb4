package dev.annals.consensus.sector;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * Seals one record (Abundance's {@code record_encoding}): extend the record's chunks by erasure
 * coding to the s-buckets (s below the chunk count is source chunk s, else parity chunk s − chunk
 * count); for the n-th s-bucket s_n with a proof of space, stored chunk n = extended(s_n) ⊕
 * BLAKE3(proof n). One instance per thread: it keeps its parity scratch.
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
   * Seals {@code record[recordOffset, + record size)} into {@code sealed} (record size bytes, the
   * first {@code count × 32} used, the rest zero) and {@code bitmap}; returns the stored chunk
   * count. Fails when the record has fewer proofs than chunks: such a record could not be recovered
   * from its stored chunks.
   */
  int encode(
      byte[] seed, byte[] record, int recordOffset, byte[] sealed, byte[] bitmap, int pieceOffset) {
    int chunks = params.recordChunks();
    PosProofs proofs = pos.createProofs(seed);
    if (proofs.count() < chunks) {
      throw new IllegalStateException(
          "piece_offset "
              + pieceOffset
              + ": record has "
              + proofs.count()
              + " proofs of space, "
              + chunks
              + " needed to recover it from the sector; plot it under another sector id");
    }
    Kernels.erasureCoder()
        .encode(chunks, chunks, SectorLayout.CHUNK_SIZE, record, recordOffset, parity, 0);
    byte[] masks = ProofMasks.of(proofs);
    byte[] found = proofs.foundProofs();
    System.arraycopy(found, 0, bitmap, 0, bitmap.length);
    int n = 0;
    for (int i = 0; i < found.length; i++) {
      int bits = found[i] & 0xff;
      while (bits != 0) {
        int s = i * 8 + Integer.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        byte[] source = s < chunks ? record : parity;
        int from =
            s < chunks
                ? recordOffset + s * SectorLayout.CHUNK_SIZE
                : (s - chunks) * SectorLayout.CHUNK_SIZE;
        int to = n * SectorLayout.CHUNK_SIZE;
        for (int b = 0; b < SectorLayout.CHUNK_SIZE; b++) {
          sealed[to + b] = (byte) (source[from + b] ^ masks[to + b]);
        }
        n++;
      }
    }
    java.util.Arrays.fill(sealed, n * SectorLayout.CHUNK_SIZE, sealed.length, (byte) 0);
    return n;
  }
}
