package dev.annals.blockproducer;

import dev.annals.primitives.Hash;
import dev.annals.primitives.block.Seal;
import java.util.Optional;

/**
 * The farmer side of sealing: the identity whose solution won signs a block's pre-seal hash. Empty
 * when the farmer does not hold that identity or declines.
 */
@FunctionalInterface
public interface Sealer {
  Optional<Seal> seal(Hash publicKeyHash, Hash preSealHash);
}
