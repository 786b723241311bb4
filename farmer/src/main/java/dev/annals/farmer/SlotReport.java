package dev.annals.farmer;

import dev.annals.primitives.Slot;
import java.util.List;

/**
 * What farming one slot did, for progress output and measurements.
 *
 * @param sectors sectors audited
 * @param skipped farming sectors not audited: expired at the slot's history size, plotted after it,
 *     or past their check point with the expiration not known
 * @param candidates chunks within the widest range
 * @param fillers candidates that were filler chunks (no proof of space, cannot win)
 * @param proved candidates proved into solutions
 * @param solutions what went to the sink
 * @param auditNanos time spent auditing
 * @param proveNanos time spent proving and assembling solutions
 */
public record SlotReport(
    Slot slot,
    int sectors,
    int skipped,
    int candidates,
    int fillers,
    int proved,
    List<ShardSolution> solutions,
    long auditNanos,
    long proveNanos) {}
