package dev.annals.farmer;

import dev.annals.consensus.sector.SectorId;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.Optional;
import java.util.function.Function;

/**
 * The history-size rules {@code consensus.solution.SolutionVerifier} applies to a sector, in the
 * form a farmer checks before it audits: a sector plotted at history size {@code h} can win at the
 * history size {@code current} a block is judged at only if {@code h ≤ current}
 * (HISTORY_SIZE_IN_FUTURE) and it has not expired (SECTOR_EXPIRED).
 *
 * <p>Expiration ({@link SectorId#expirationHistorySize}) is at least the check point {@code c = h +
 * min sector lifetime}, so while {@code current < c} the sector is live whatever the verifier
 * knows. From {@code c} on the verifier computes it from the super segment holding global segment
 * {@code c − 1}, which the node has by then; the farmer learns it from the same header and caches
 * it per sector. A sector whose check point or expiration overflows u64 is refused by the verifier
 * (HISTORY_SIZE_INVALID) and is treated as expired from the start ({@link #REFUSED}).
 */
final class SectorLifetime {
  /**
   * Cached "expiration" of a sector no verifier accepts (u64 overflow): expired at every history
   * size.
   */
  static final HistorySize REFUSED = HistorySize.ONE;

  private SectorLifetime() {}

  /**
   * Whether the sector's solutions would pass the verifier's history-size checks at {@code
   * current}.
   *
   * @param expiration the learned expiration, empty while not learned; a sector past its check
   *     point with an unknown expiration is not farmable (the farmer cannot tell)
   */
  static boolean farmable(
      HistorySize plotted,
      Optional<HistorySize> expiration,
      HistorySize current,
      ProtocolParameters params) {
    if (plotted.compareTo(current) > 0) {
      return false;
    }
    Optional<HistorySize> check = SectorId.expirationCheck(plotted, params);
    if (check.isEmpty()) {
      return false;
    }
    if (check.get().compareTo(current) > 0) {
      return true;
    }
    return expiration.isPresent() && !SectorId.isExpired(expiration.get(), current);
  }

  /** Whether the expiration must be known to judge the sector at {@code current}. */
  static boolean needsExpiration(HistorySize plotted, HistorySize current, ProtocolParameters p) {
    Optional<HistorySize> check = SectorId.expirationCheck(plotted, p);
    return check.isPresent() && check.get().compareTo(current) <= 0;
  }

  /**
   * The sector's expiration from the super segment holding its check point's last segment ({@code
   * holder} looks it up, e.g. {@link NodeView#superSegmentHeaderContaining}); empty while that
   * super segment is unknown; {@link #REFUSED} on u64 overflow.
   */
  static Optional<HistorySize> expiration(
      SectorId id,
      HistorySize plotted,
      Function<GlobalSegmentIndex, Optional<SuperSegmentHeader>> holder,
      ProtocolParameters params) {
    Optional<HistorySize> check = SectorId.expirationCheck(plotted, params);
    if (check.isEmpty()) {
      return Optional.of(REFUSED);
    }
    Optional<SuperSegmentHeader> header = holder.apply(check.get().lastSegmentIndex());
    if (header.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        id.expirationHistorySize(plotted, header.get().root(), params).orElse(REFUSED));
  }
}
