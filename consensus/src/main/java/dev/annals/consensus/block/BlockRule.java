package dev.annals.consensus.block;

/**
 * The consensus rules a block of any shard kind must follow (docs/block-rules.md, after
 * docs/SHARD-CHAINS.md). A {@link BlockRuleException} names the rule a block breaks; a {@link
 * MissingDependencyException} names the rule that cannot be checked yet.
 */
public enum BlockRule {
  // Header rules every kind shares (SHARD-CHAINS §3).
  /** The parent block is not known (a dependency, never a verdict). */
  PARENT_UNKNOWN,
  NUMBER_NOT_PARENT_PLUS_ONE,
  SHARD_NOT_PARENT_SHARD,
  TIMESTAMP_NOT_AFTER_PARENT,
  TIMESTAMP_TOO_FAR_IN_FUTURE,
  MMR_ROOT_MISMATCH,
  SLOT_NOT_AFTER_PARENT,
  /** The header's proof of time is not the output of its slot. */
  PROOF_OF_TIME_MISMATCH,
  /** The header's future proof of time is not the output of its slot plus the authoring delay. */
  FUTURE_PROOF_OF_TIME_MISMATCH,
  /** Beacon body: the proof-of-time checkpoints do not verify ({@code BlockPotVerifier}). */
  POT_CHECKPOINTS_INVALID,
  /** Intermediate or leaf: the output of a slot is not known yet (a dependency). */
  POT_OUTPUT_UNKNOWN,
  /** The seal's public key does not hash to the solution's public key hash. */
  SEAL_KEY_MISMATCH,
  /** The seal's signature does not sign the pre-seal hash. */
  SEAL_INVALID,
  BODY_ROOT_MISMATCH,
  STATE_ROOT_MISMATCH,

  // Solution (SHARD-CHAINS §2, §3.3).
  /** The shard membership reveal failed ({@code ShardMembershipVerifier}); the cause names how. */
  SOLUTION_SHARD_MEMBERSHIP,
  /** The solution failed verification; the cause ({@code SolutionVerifyException}) names how. */
  SOLUTION_INVALID,
  /** Data the solution is checked against (a super segment) is not known yet (a dependency). */
  SOLUTION_INPUT_UNKNOWN,

  // Beacon consensus parameters (pos-pot-facts §11).
  /** A beacon ancestor the parameters derive from is not known (a dependency). */
  ANCESTOR_UNKNOWN,
  CONSENSUS_PARAMETERS_MISMATCH,

  // Beacon chain info of intermediate and leaf headers (SHARD-CHAINS §4).
  BEACON_INFO_UNKNOWN,
  /** The named block is not a beacon block with the named number. */
  BEACON_INFO_NUMBER_MISMATCH,
  BEACON_INFO_WENT_BACKWARDS,
  BEACON_INFO_AFTER_SLOT,

  // Child blocks (SHARD-CHAINS §5).
  /** The header's child block roots are not the roots of the body's child headers in order. */
  CHILD_ROOTS_MISMATCH,
  /** A child block's shard is not a child shard of this block's shard. */
  CHILD_NOT_OF_THIS_SHARD,
  /** Child blocks are not ordered by shard ascending. */
  CHILD_ORDER,
  /** A child block is not known (a dependency). */
  CHILD_UNKNOWN,
  /** A child block skips blocks after, or repeats, what this chain already included. */
  CHILD_GAP_OR_REPEAT,
  /** A child's claimed segments do not prove against its body root. */
  CHILD_SEGMENTS_PROOF_INVALID,
  /** A child's claimed segments differ from the segments that child block carries. */
  CHILD_SEGMENTS_MISMATCH,

  // Own segments (SHARD-CHAINS §7).
  OWN_SEGMENTS_MISMATCH
}
