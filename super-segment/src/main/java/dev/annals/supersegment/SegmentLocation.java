package dev.annals.supersegment;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.SuperSegmentIndex;

/** Where a global segment sits: its super segment and its position there. */
public record SegmentLocation(
    GlobalSegmentIndex segment, SuperSegmentIndex superSegment, SegmentPosition position) {}
