package dev.annals.consensus.solution;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.Optional;

/** The super segment headers a node knows (from the beacon chain it imported). */
public interface SuperSegments {
  /** The header of super segment {@code index}, if known. */
  Optional<SuperSegmentHeader> byIndex(SuperSegmentIndex index);

  /** The header of the super segment that holds global segment {@code segment}, if known. */
  Optional<SuperSegmentHeader> containing(GlobalSegmentIndex segment);
}
