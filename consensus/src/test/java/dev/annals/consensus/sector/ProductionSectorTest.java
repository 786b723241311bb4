package dev.annals.consensus.sector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.archiver.RecordCommitment;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The production layout with two pieces (a full 1000-piece sector takes ~25 minutes here). */
@Tag("slow")
class ProductionSectorTest {
  private static final ProtocolParameters P = ProtocolParameters.PRODUCTION;

  /** A piece with a random record and a header whose parity chunks root is the record's. */
  static Piece syntheticPiece(Random random) {
    byte[] record = new byte[P.recordSize()];
    random.nextBytes(record);
    byte[] parityRoot = new byte[32];
    RecordCommitment.commit(P, record, 0, parityRoot, 0);
    List<Hash> recordProof = new ArrayList<>();
    for (int i = 0; i < P.recordProofHashes(); i++) {
      byte[] h = new byte[32];
      random.nextBytes(h);
      recordProof.add(Hash.wrap(h));
    }
    PieceHeader header =
        new PieceHeader(
            ShardIndex.BEACON,
            new LocalSegmentIndex(random.nextInt(100)),
            new SuperSegmentIndex(3),
            new SegmentPosition(1),
            Hash.blake3(record),
            Collections.nCopies(P.segmentProofHashes(), Hash.ZERO),
            Hash.wrap(parityRoot),
            recordProof);
    return new Piece(header, Record.wrap(record, P));
  }

  @Test
  void plotReadAuditProve() {
    Random random = new Random(20);
    List<Piece> pieces = List.of(syntheticPiece(random), syntheticPiece(random));
    HistorySize history = new HistorySize(100);
    SectorId id =
        SectorId.derive(
            Hash.blake3(new byte[] {1}), Hash.blake3(new byte[] {2}), new SectorIndex(0), history);
    PlottedSector plotted = new SectorPlotter(P, 2).plot(id, new SectorIndex(0), history, pieces);
    SectorLayout layout = new SectorLayout(P, 2);
    assertThat((long) plotted.bytes().length).isEqualTo(layout.sectorSize());
    assertThat(plotted.metadata().totalChunks()).isEqualTo(2L * P.recordChunks());

    ProofOfSpace pos = Kernels.proofOfSpace(SectorLayout.posParameters(P), 2);

    // Two pieces fill about one chunk per s-bucket: look for a challenge that hits one.
    Hash challenge = null;
    List<AuditCandidate> candidates = List.of();
    for (byte i = 3; candidates.isEmpty(); i++) {
      challenge = Hash.blake3(new byte[] {i});
      candidates =
          new SectorAuditor(P).audit(plotted.data(), plotted.metadata(), id, challenge, -1L);
      int s = id.slotChallenge(challenge).sBucket(P.sBuckets());
      assertThat(candidates).hasSize(plotted.metadata().sBucketSize(s));
    }
    SectorSolution solution =
        new SectorProver(P, pos)
            .prove(plotted.data(), plotted.metadata(), id, candidates.getFirst());
    assertThat(solution.chunkProof()).hasSize(16 * 32);
    assertThat(solution.chunkProofValid(P)).isTrue();
    byte[] parityRoot = new byte[32];
    byte[] root =
        RecordCommitment.commit(
            P, pieces.get(solution.pieceOffset()).record().toBytes(), 0, parityRoot, 0);
    assertThat(solution.recordRoot().toBytes()).isEqualTo(root);
    PosProofs proofs = pos.createProofs(id.evaluationSeed(new PieceOffset(solution.pieceOffset())));
    assertThat(solution.proofOfSpace()).isEqualTo(proofs.proof(solution.sBucket()));
    // A K = 20 record is full: its contents-map row is exactly its found proofs (no fillers), as
    // in Abundance.
    assertThat(proofs.count()).isEqualTo(P.recordChunks());
    assertThat(SectorContentsMap.read(layout, plotted.data()).row(solution.pieceOffset()))
        .isEqualTo(proofs.foundProofs());

    // The proven piece's record is covered by the record root; read the other one back.
    int other = 1 - solution.pieceOffset();
    assertThat(
            new SectorReader(P, pos)
                .readPiece(plotted.data(), plotted.metadata(), id, other)
                .encode(P))
        .isEqualTo(pieces.get(other).encode(P));
  }
}
