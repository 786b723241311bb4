package dev.annals.consensus.sector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.archiver.RecordCommitment;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.params.ProtocolParameters;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AuditAndProveTest {
  private static final ProtocolParameters DEV = DevSectorFixture.DEV;
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private final DevSectorFixture f = DevSectorFixture.get();
  private final ProofOfSpace pos = Kernels.proofOfSpace(SectorLayout.posParameters(DEV), 1);

  /** Audit distances recomputed from the original pieces, without the sector or its code. */
  private List<long[]> naiveCandidates(Hash challenge, BigInteger range) {
    byte[] ssc = new byte[32];
    for (int i = 0; i < 32; i++) {
      ssc[i] = (byte) (f.sectorId.hash().get(i) ^ challenge.get(i));
    }
    int s = ((ssc[0] & 0xff) | (ssc[1] & 0xff) << 8) % DEV.sBuckets();
    BigInteger g = leU64(challenge.toBytes());
    List<long[]> out = new ArrayList<>();
    int chunkOffset = 0;
    for (int p = 0; p < f.pieces.size(); p++) {
      PosProofs proofs = pos.createProofs(f.sectorId.evaluationSeed(new PieceOffset(p)));
      byte[] row = StoredChunks.row(proofs.foundProofs(), proofs.count(), DEV.recordChunks());
      if ((row[s / 8] & (1 << (s % 8))) == 0) {
        continue;
      }
      byte[] chunk = extendedChunk(p, s);
      byte[] proof = proofs.proof(s);
      if (proof != null) {
        byte[] mask = Kernels.blake3().hash(proof);
        for (int b = 0; b < 32; b++) {
          chunk[b] ^= mask[b];
        }
      }
      BigInteger a = leU64(Kernels.blake3().keyedHash(ssc, chunk));
      BigInteger d1 = a.subtract(g).mod(TWO_64);
      BigInteger d2 = g.subtract(a).mod(TWO_64);
      BigInteger d = d1.min(d2);
      if (d.compareTo(range.shiftRight(1)) <= 0) {
        out.add(new long[] {s, chunkOffset, d.longValue()});
      }
      chunkOffset++;
    }
    out.sort(Comparator.comparing((long[] c) -> new BigInteger(Long.toUnsignedString(c[2]))));
    return out;
  }

  private byte[] extendedChunk(int pieceOffset, int s) {
    byte[] record = f.pieces.get(pieceOffset).record().toBytes();
    int k = DEV.recordChunks();
    byte[] parity = new byte[record.length];
    Kernels.erasureCoder().encode(k, k, 32, record, 0, parity, 0);
    byte[] chunk = new byte[32];
    System.arraycopy(s < k ? record : parity, (s % k) * 32, chunk, 0, 32);
    return chunk;
  }

  private static BigInteger leU64(byte[] bytes) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 7; i >= 0; i--) {
      v = v.shiftLeft(8).or(BigInteger.valueOf(bytes[i] & 0xff));
    }
    return v;
  }

  @Test
  void auditMatchesANaiveRecomputation() {
    Random random = new Random(5);
    SectorAuditor auditor = new SectorAuditor(DEV);
    for (int round = 0; round < 3; round++) {
      byte[] c = new byte[32];
      random.nextBytes(c);
      Hash challenge = Hash.wrap(c);
      long range = round % 2 == 0 ? -1L : Long.MAX_VALUE / 2;
      List<AuditCandidate> got =
          auditor.audit(f.plotted.data(), f.plotted.metadata(), f.sectorId, challenge, range);
      List<long[]> want = naiveCandidates(challenge, new BigInteger(Long.toUnsignedString(range)));
      assertThat(got).hasSameSizeAs(want);
      for (int i = 0; i < got.size(); i++) {
        assertThat(
                new long[] {got.get(i).sBucket(), got.get(i).chunkOffset(), got.get(i).distance()})
            .isEqualTo(want.get(i));
      }
    }
  }

  @Test
  void provedChunksVerifyAgainstTheArchiversRecordRoot() {
    Random random = new Random(9);
    SectorAuditor auditor = new SectorAuditor(DEV);
    SectorProver prover = new SectorProver(DEV, pos);
    int proved = 0;
    for (int round = 0; round < 8 && proved < 6; round++) {
      byte[] c = new byte[32];
      random.nextBytes(c);
      Hash challenge = Hash.wrap(c);
      for (AuditCandidate candidate :
          auditor.audit(f.plotted.data(), f.plotted.metadata(), f.sectorId, challenge, -1L)) {
        int owner = f.plotted.metadata().pieces();
        SectorSolution solution;
        try {
          solution = prover.prove(f.plotted.data(), f.plotted.metadata(), f.sectorId, candidate);
        } catch (FillerChunkException filler) {
          assertThat(filler).hasMessageContaining("filler chunk");
          continue;
        }
        assertThat(solution.pieceOffset()).isLessThan(owner);
        byte[] record = f.pieces.get(solution.pieceOffset()).record().toBytes();
        byte[] parityRoot = new byte[32];
        byte[] recordRoot = RecordCommitment.commit(DEV, record, 0, parityRoot, 0);
        assertThat(solution.recordRoot().toBytes()).isEqualTo(recordRoot);
        assertThat(solution.chunkProof()).hasSize(DEV.chunkProofSize());
        assertThat(solution.chunkProofValid(DEV)).isTrue();
        assertThat(solution.chunk())
            .isEqualTo(extendedChunk(solution.pieceOffset(), solution.sBucket()));
        byte[] seed = f.sectorId.evaluationSeed(new PieceOffset(solution.pieceOffset()));
        assertThat(pos.verify(seed, solution.sBucket(), solution.proofOfSpace())).isTrue();
        assertThat(solution.pieceHeader()).isEqualTo(f.pieces.get(solution.pieceOffset()).header());
        byte[] wrong = solution.chunk().clone();
        wrong[0] ^= 1;
        assertThat(
                new SectorSolution(
                        solution.pieceOffset(),
                        solution.sBucket(),
                        wrong,
                        solution.chunkProof(),
                        solution.recordRoot(),
                        solution.proofOfSpace(),
                        solution.pieceHeader())
                    .chunkProofValid(DEV))
            .isFalse();
        proved++;
      }
    }
    assertThat(proved).isPositive();
  }
}
