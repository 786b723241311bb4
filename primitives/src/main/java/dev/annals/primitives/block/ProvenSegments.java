package dev.annals.primitives.block;

import dev.annals.primitives.Hash;

/**
 * A child block's own segments with the one-hash proof that ties their root to the child's body
 * root (the sibling in the child body's top pair).
 */
public record ProvenSegments(OwnSegments segments, Hash proof) {
  public ProvenSegments {
    if (segments == null || proof == null) {
      throw new IllegalArgumentException("proven_segments: every field must be set (value null)");
    }
  }
}
