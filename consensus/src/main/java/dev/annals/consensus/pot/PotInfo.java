package dev.annals.consensus.pot;

import dev.annals.primitives.block.PotParametersChange;

/**
 * A beacon block's proof-of-time parameters: the slot iterations in force right after its parent's
 * slot, and the parameters change it carries (null for none).
 */
public record PotInfo(long slotIterations, PotParametersChange parametersChange) {}
