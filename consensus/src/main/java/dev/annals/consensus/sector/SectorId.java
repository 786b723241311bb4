package dev.annals.consensus.sector;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.Solution;
import java.util.Optional;

/**
 * A sector's identity, {@code KH(key = public key hash, sector index u16 LE ‖ history size u64 LE ‖
 * shard commitments root)}, and everything derived from it: the proof-of-space seed of each offset,
 * the slot challenge, which piece each offset holds and when the sector expires. History size is
 * hashed as its segment count (not the {@code count − 1} wire form).
 */
public record SectorId(Hash hash) {
  public SectorId {
    if (hash == null) {
      throw new IllegalArgumentException("sector_id: must be set (value null)");
    }
  }

  public static SectorId derive(
      Hash publicKeyHash,
      Hash shardCommitmentsRoot,
      SectorIndex sectorIndex,
      HistorySize historySize) {
    byte[] input = new byte[2 + 8 + Hash.SIZE];
    input[0] = (byte) sectorIndex.value();
    input[1] = (byte) (sectorIndex.value() >>> 8);
    LittleEndian.putLong(input, 2, historySize.segments());
    shardCommitmentsRoot.copyTo(input, 10);
    return new SectorId(Hash.wrap(Kernels.blake3().keyedHash(publicKeyHash.toBytes(), input)));
  }

  /** The sector a solution's proof comes from, from the fields the solution carries. */
  public static SectorId of(Solution solution) {
    return derive(
        solution.publicKeyHash(),
        solution.shardCommitment().root(),
        solution.sectorIndex(),
        solution.historySize());
  }

  /** The proof-of-space seed of the record at {@code offset}: {@code H(sector id ‖ offset u16)}. */
  public byte[] evaluationSeed(PieceOffset offset) {
    byte[] input = new byte[Hash.SIZE + 2];
    hash.copyTo(input, 0);
    input[Hash.SIZE] = (byte) offset.value();
    input[Hash.SIZE + 1] = (byte) (offset.value() >>> 8);
    return Kernels.blake3().hash(input);
  }

  public SectorSlotChallenge slotChallenge(Hash globalChallenge) {
    byte[] out = hash.toBytes();
    for (int i = 0; i < Hash.SIZE; i++) {
      out[i] ^= globalChallenge.get(i);
    }
    return new SectorSlotChallenge(Hash.wrap(out));
  }

  /**
   * The piece stored at {@code offset} of a sector plotted at {@code historySize}. With {@code h =
   * KH(key = offset u16 LE zero-padded to 32 bytes, sector id)} read as a LE u256: odd offsets
   * below {@code max(1, max pieces × fraction × 2)} draw from the last {@code recent segments} of
   * history once history exceeds {@code recent segments / fraction}; all others draw {@code h mod
   * history in pieces}. Integer steps in Abundance's order (the fraction is applied to piece counts
   * and truncates).
   */
  public PieceIndex pieceIndex(PieceOffset offset, HistorySize historySize, ProtocolParameters p) {
    long piecesPerSegment = p.piecesPerSegment();
    long recentPieces =
        UnsignedMath.multiplyExact("recent_segments", p.recentSegments(), piecesPerSegment);
    long fractionNumPieces =
        UnsignedMath.multiplyExact(
            "recent_history_fraction", p.recentHistoryFractionNumerator(), piecesPerSegment);
    long fractionDenPieces =
        UnsignedMath.multiplyExact(
            "recent_history_fraction", p.recentHistoryFractionDenominator(), piecesPerSegment);
    long minHistoryPieces =
        Long.divideUnsigned(
            UnsignedMath.multiplyExact("recent_history", recentPieces, fractionDenPieces),
            fractionNumPieces);
    long interleaved =
        Math.max(
            1,
            Long.divideUnsigned(
                    UnsignedMath.multiplyExact(
                        "max_pieces_in_sector", p.maxPiecesInSector(), fractionNumPieces),
                    fractionDenPieces)
                * 2);
    long historyPieces = UnsignedMath.saturatingMultiply(historySize.segments(), piecesPerSegment);

    byte[] key = new byte[32];
    key[0] = (byte) offset.value();
    key[1] = (byte) (offset.value() >>> 8);
    byte[] h = Kernels.blake3().keyedHash(key, hash.toBytes());

    int o = offset.value();
    if (Long.compareUnsigned(historyPieces, minHistoryPieces) > 0
        && o < interleaved
        && (o & 1) == 1) {
      return new PieceIndex(
          UnsignedMath.u256LeMod(h, recentPieces) + (historyPieces - recentPieces));
    }
    return new PieceIndex(UnsignedMath.u256LeMod(h, historyPieces));
  }

  /**
   * The history size at which a sector plotted at {@code historySize} expires: the check point
   * {@code c = history size + min lifetime}; then {@code c + (H(sector id ‖ root) as LE u256 mod
   * (min lifetime + 4 × history size − c))}. {@code checkSuperSegmentRoot} is the root of the super
   * segment holding global segment {@code c − 1}, so nobody knows the expiration before history
   * reaches the check point. Empty on u64 overflow (Abundance's {@code None}). The sector has
   * expired once the current history size is at least the returned value.
   */
  public Optional<HistorySize> expirationHistorySize(
      HistorySize historySize, Hash checkSuperSegmentRoot, ProtocolParameters p) {
    Optional<HistorySize> check = expirationCheck(historySize, p);
    if (check.isEmpty()) {
      return Optional.empty();
    }
    long checkPoint = check.get().segments();
    long lifetime = p.minSectorLifetime();
    long segments = historySize.segments();
    if (Math.unsignedMultiplyHigh(segments, 4) != 0) {
      return Optional.empty();
    }
    long last = lifetime + segments * 4;
    if (Long.compareUnsigned(last, lifetime) < 0 || Long.compareUnsigned(last, checkPoint) < 0) {
      return Optional.empty();
    }
    byte[] input = new byte[2 * Hash.SIZE];
    hash.copyTo(input, 0);
    checkSuperSegmentRoot.copyTo(input, Hash.SIZE);
    long window = last - checkPoint;
    if (window == 0) {
      return Optional.empty();
    }
    long expiresIn = UnsignedMath.u256LeMod(Kernels.blake3().hash(input), window);
    return Optional.of(new HistorySize(checkPoint + expiresIn));
  }

  /** {@code history size + min sector lifetime}, or empty on u64 overflow. */
  public static Optional<HistorySize> expirationCheck(
      HistorySize historySize, ProtocolParameters p) {
    long sum = historySize.segments() + p.minSectorLifetime();
    if (Long.compareUnsigned(sum, historySize.segments()) < 0) {
      return Optional.empty();
    }
    return Optional.of(new HistorySize(sum));
  }

  /** Whether a sector with this expiration is expired at {@code current} history size. */
  public static boolean isExpired(HistorySize expiration, HistorySize current) {
    return expiration.compareTo(current) <= 0;
  }

  @Override
  public String toString() {
    return hash.toHex();
  }
}
