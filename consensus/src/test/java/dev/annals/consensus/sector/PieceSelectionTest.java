package dev.annals.consensus.sector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PieceSelectionTest {
  private static BigInteger leU256(byte[] h) {
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) {
      be[32 - i] = h[i];
    }
    return new BigInteger(be);
  }

  private static SectorId randomSector(Random random, long history) {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    random.nextBytes(a);
    random.nextBytes(b);
    return SectorId.derive(
        Hash.wrap(a),
        Hash.wrap(b),
        new SectorIndex(random.nextInt(65536)),
        new HistorySize(history));
  }

  /** The rule written out with BigInteger and the preset's numbers, for comparison. */
  private static long naive(SectorId id, int offset, long history, ProtocolParameters p) {
    BigInteger pps = BigInteger.valueOf(p.piecesPerSegment());
    BigInteger recent = BigInteger.valueOf(p.recentSegments()).multiply(pps);
    BigInteger num = BigInteger.valueOf(p.recentHistoryFractionNumerator()).multiply(pps);
    BigInteger den = BigInteger.valueOf(p.recentHistoryFractionDenominator()).multiply(pps);
    BigInteger minHistory = recent.multiply(den).divide(num);
    BigInteger interleaved =
        BigInteger.valueOf(p.maxPiecesInSector())
            .multiply(num)
            .divide(den)
            .shiftLeft(1)
            .max(BigInteger.ONE);
    BigInteger historyPieces = BigInteger.valueOf(history).multiply(pps);
    byte[] key = new byte[32];
    key[0] = (byte) offset;
    key[1] = (byte) (offset >> 8);
    BigInteger h = leU256(Kernels.blake3().keyedHash(key, id.hash().toBytes()));
    if (historyPieces.compareTo(minHistory) > 0
        && BigInteger.valueOf(offset).compareTo(interleaved) < 0
        && offset % 2 == 1) {
      return h.mod(recent).add(historyPieces).subtract(recent).longValueExact();
    }
    return h.mod(historyPieces).longValueExact();
  }

  @Test
  void matchesTheRuleAndStaysInHistory() {
    Random random = new Random(1);
    for (ProtocolParameters p : ProtocolParameters.PRESETS) {
      for (long history : new long[] {1, 3, 49, 50, 51, 1000, 123_456_789}) {
        SectorId id = randomSector(random, history);
        for (int offset = 0; offset < p.maxPiecesInSector(); offset++) {
          long index = id.pieceIndex(new PieceOffset(offset), new HistorySize(history), p).value();
          assertThat(index).isEqualTo(naive(id, offset, history, p));
          assertThat(index).isBetween(0L, history * p.piecesPerSegment() - 1);
        }
      }
    }
  }

  @Test
  void oddEarlyOffsetsComeFromRecentHistoryOnceHistoryIsLong() {
    ProtocolParameters p = ProtocolParameters.PRODUCTION;
    long history = 10_000;
    SectorId id = randomSector(new Random(2), history);
    long recentStart = (history - p.recentSegments()) * p.piecesPerSegment();
    int interleaved = 200; // 1000 pieces × 1/10 × 2
    int recent = 0;
    for (int offset = 0; offset < p.maxPiecesInSector(); offset++) {
      long index = id.pieceIndex(new PieceOffset(offset), new HistorySize(history), p).value();
      if (offset % 2 == 1 && offset < interleaved) {
        assertThat(index).isGreaterThanOrEqualTo(recentStart);
      }
      if (index >= recentStart) {
        recent++;
      }
    }
    // 100 forced recent picks; the other 900 land there with probability 5/10000 each.
    assertThat(recent).isBetween(100, 110);
  }

  @Test
  void expirationLiesBetweenCheckPointAndLastPossible() {
    Random random = new Random(3);
    for (ProtocolParameters p : ProtocolParameters.PRESETS) {
      for (long history : new long[] {1, 2, 17, 5000}) {
        SectorId id = randomSector(random, history);
        byte[] root = new byte[32];
        random.nextBytes(root);
        HistorySize expiration =
            id.expirationHistorySize(new HistorySize(history), Hash.wrap(root), p).orElseThrow();
        long check = history + p.minSectorLifetime();
        byte[] input = new byte[64];
        id.hash().copyTo(input, 0);
        System.arraycopy(root, 0, input, 32, 32);
        long expected =
            check
                + leU256(Kernels.blake3().hash(input))
                    .mod(BigInteger.valueOf(p.minSectorLifetime() + 4 * history - check))
                    .longValueExact();
        assertThat(expiration.segments()).isEqualTo(expected);
        assertThat(expiration.segments()).isBetween(check, p.minSectorLifetime() + 4 * history - 1);
        assertThat(SectorId.isExpired(expiration, expiration)).isTrue();
        assertThat(SectorId.isExpired(expiration, new HistorySize(expiration.segments() - 1)))
            .isFalse();
      }
    }
  }

  @Test
  void expirationOverflowIsEmpty() {
    SectorId id = randomSector(new Random(4), 1);
    assertThat(
            id.expirationHistorySize(
                new HistorySize(-2L), Hash.ZERO, ProtocolParameters.PRODUCTION))
        .isEmpty();
    assertThat(
            id.expirationHistorySize(
                new HistorySize(Long.MAX_VALUE), Hash.ZERO, ProtocolParameters.PRODUCTION))
        .isEmpty();
  }

  @Test
  void sectorIdBindsEveryInput() {
    Hash a = Hash.blake3(new byte[] {1});
    Hash b = Hash.blake3(new byte[] {2});
    byte[] input = new byte[42];
    input[0] = 5;
    input[2] = 9;
    b.copyTo(input, 10);
    SectorId id = SectorId.derive(a, b, new SectorIndex(5), new HistorySize(9));
    assertThat(id.hash().toBytes()).isEqualTo(Kernels.blake3().keyedHash(a.toBytes(), input));
    assertThat(SectorId.derive(a, a, new SectorIndex(5), new HistorySize(9))).isNotEqualTo(id);
    assertThat(SectorId.derive(a, b, new SectorIndex(6), new HistorySize(9))).isNotEqualTo(id);
    assertThat(SectorId.derive(a, b, new SectorIndex(5), new HistorySize(10))).isNotEqualTo(id);
    byte[] seedInput = new byte[34];
    id.hash().copyTo(seedInput, 0);
    seedInput[32] = 3;
    seedInput[33] = 1;
    assertThat(id.evaluationSeed(new PieceOffset(259))).isEqualTo(Kernels.blake3().hash(seedInput));
  }
}
