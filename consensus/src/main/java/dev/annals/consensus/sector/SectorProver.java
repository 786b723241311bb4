package dev.annals.consensus.sector;

import dev.annals.archiver.RecordCommitment;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.PieceHeader;
import java.util.Arrays;

/**
 * Turns an audit candidate into a {@link SectorSolution} (Abundance's {@code proving.rs}): find the
 * piece owning the chunk, unseal its record, recover all extended chunks, build the balanced tree
 * over them and take chunk s's proof. Before answering it checks the recovered piece against its
 * stored checksum and the record root against the header's parity chunks root, so a damaged sector
 * gives a {@link CorruptSectorException}, never a solution that fails verification.
 */
public final class SectorProver {
  private final ProtocolParameters params;
  private final RecordUnsealer unsealer;

  public SectorProver(ProtocolParameters params, ProofOfSpace pos) {
    this.params = params;
    this.unsealer = new RecordUnsealer(pos);
  }

  public SectorProver(ProtocolParameters params, int threads) {
    this(params, Kernels.proofOfSpace(SectorLayout.posParameters(params), threads));
  }

  public SectorSolution prove(
      SectorData sector, SectorMetadata metadata, SectorId sectorId, AuditCandidate candidate) {
    SectorLayout layout = SectorReader.checkedLayout(params, sector, metadata);
    SectorContentsMap map = SectorContentsMap.read(layout, sector);
    int s = candidate.sBucket();
    int pieceOffset = map.pieceOffsetOf(s, candidate.chunkOffset());
    if (pieceOffset < 0) {
      throw new IllegalArgumentException(
          "candidate: s-bucket "
              + s
              + " has no chunk "
              + candidate.chunkOffset()
              + " in this sector (value "
              + candidate
              + ")");
    }
    UnsealedChunks unsealed = unsealer.unseal(sector, layout, metadata, map, sectorId, pieceOffset);
    byte[] proofOfSpace = unsealed.proofs().proof(s);
    if (proofOfSpace == null) {
      throw new FillerChunkException(
          "candidate: s-bucket "
              + s
              + " of piece offset "
              + pieceOffset
              + " holds a filler chunk without a proof of space; it cannot win (value "
              + candidate
              + ")");
    }
    byte[] chunk = unsealed.chunks()[s].clone();

    int k = params.recordChunks();
    byte[] extended = extendedChunks(unsealed.chunks(), pieceOffset);
    byte[] root = BalancedMerkleTree.root(extended, 0, 2 * k);
    byte[] chunkProof = BalancedMerkleTree.proof(extended, 0, 2 * k, s);

    PieceHeader header = checkedHeader(sector, layout, pieceOffset, extended);
    byte[] expectedRoot =
        RecordCommitment.rootFromParityRoot(
            params, extended, 0, header.parityChunksRoot().toBytes());
    if (!Arrays.equals(root, expectedRoot)) {
      throw new CorruptSectorException(
          SectorRegion.RECORD_METADATA,
          "piece offset "
              + pieceOffset
              + ": parity chunks root disagrees with the recovered record");
    }
    return new SectorSolution(
        pieceOffset, s, chunk, chunkProof, Hash.wrap(root), proofOfSpace, header);
  }

  /**
   * All extended chunks of the record: stored chunks as read, missing source chunks decoded,
   * missing parity chunks re-encoded from the source (what {@code recoverAll} gives). Re-encoding
   * goes through the contiguous {@code encode} (a few ms): {@code recoverAll}'s shard-array form
   * spent 0.3–0.9 s of a production proof checking its 32768 × 32768 shard pairs for aliasing.
   */
  private byte[] extendedChunks(byte[][] chunks, int pieceOffset) {
    int k = params.recordChunks();
    int size = SectorLayout.CHUNK_SIZE;
    byte[] extended = new byte[2 * params.recordSize()];
    byte[] record = SectorReader.recoverSource(params, chunks, pieceOffset);
    System.arraycopy(record, 0, extended, 0, record.length);
    Kernels.erasureCoder().encode(k, k, size, extended, 0, extended, k * size);
    for (int i = 0; i < k; i++) {
      if (chunks[k + i] != null) {
        System.arraycopy(chunks[k + i], 0, extended, (k + i) * size, size);
      }
    }
    return extended;
  }

  /**
   * Decodes the stored header and checks the stored piece checksum against the recovered record.
   */
  private PieceHeader checkedHeader(
      SectorData sector, SectorLayout layout, int pieceOffset, byte[] extended) {
    byte[] recordMetadata = new byte[layout.recordMetadataSize()];
    sector.read(layout.recordMetadataOffset(pieceOffset), recordMetadata, 0, recordMetadata.length);
    int headerSize = params.pieceHeaderSize();
    var hasher = Kernels.blake3().newHasher();
    hasher.update(recordMetadata, 0, headerSize).update(extended, 0, params.recordSize());
    byte[] checksum = hasher.finish(Hash.SIZE);
    if (!Arrays.equals(
        checksum, 0, Hash.SIZE, recordMetadata, headerSize, headerSize + Hash.SIZE)) {
      throw new CorruptSectorException(SectorRegion.PIECE_CHECKSUM, "piece offset " + pieceOffset);
    }
    try {
      return PieceHeader.decode(Arrays.copyOf(recordMetadata, headerSize), params);
    } catch (DecodeException e) {
      throw new CorruptSectorException(
          SectorRegion.RECORD_METADATA, "piece offset " + pieceOffset + ": " + e.getMessage());
    }
  }
}
