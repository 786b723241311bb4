package dev.annals.blockproducer;

import dev.annals.consensus.seal.SealVerifier;
import dev.annals.primitives.Hash;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;

/**
 * A block built but not sealed yet: the farmer whose solution won the slot signs {@link
 * #preSealHash} and hands back the seal. The draft's header carries a blank seal, which the
 * pre-seal hash does not cover.
 */
public record BlockDraft(BlockHeader unsealedHeader, BlockBody body, Hash preSealHash) {
  public BlockDraft {
    if (unsealedHeader == null || body == null || preSealHash == null) {
      throw new IllegalArgumentException("block draft: every field must be set (value null)");
    }
  }

  static BlockDraft of(BlockHeader unsealedHeader, BlockBody body, ProtocolParameters params) {
    return new BlockDraft(unsealedHeader, body, unsealedHeader.preSealHash(params));
  }

  /**
   * The sealed block. The seal must come from the key the solution names and sign this draft;
   * anything else is refused, naming which.
   */
  public Block seal(Seal seal) {
    Hash expected = unsealedHeader.consensusInfo().solution().publicKeyHash();
    if (!seal.publicKeyHash().equals(expected)) {
      throw new IllegalArgumentException(
          "seal.public_key: its hash "
              + seal.publicKeyHash()
              + " differs from the solution's public_key_hash "
              + expected);
    }
    if (!SealVerifier.verify(seal, preSealHash)) {
      throw new IllegalArgumentException(
          "seal.signature: does not sign this block's pre-seal hash " + preSealHash);
    }
    return new Block(unsealedHeader.withSeal(seal), body);
  }
}
