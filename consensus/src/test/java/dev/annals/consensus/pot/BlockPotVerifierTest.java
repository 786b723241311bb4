package dev.annals.consensus.pot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.annals.consensus.pot.PotVerificationException.Check;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.block.PotParametersChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short beacon chain over a naive PoT chain (authoring delay 2, an entropy injection with new
 * iterations at slot 9): honest blocks verify, each check broken alone fails with its name.
 */
class BlockPotVerifierTest {
  private static final long DELAY = 2;
  private static final Bytes GENESIS = PotSeeds.genesis(Hash.blake3(new byte[] {1}), new byte[0]);
  private static final Hash ENTROPY = Hash.blake3(new byte[] {2});
  private static final PotParametersChange CHANGE =
      new PotParametersChange(new Slot(9), 2048, ENTROPY);
  private static final NaivePotChain CHAIN =
      new NaivePotChain(GENESIS.toBytes(), 1024, 9, 2048, ENTROPY, 30);

  private static List<PotCheckpoints> checkpoints(long fromSlot, long toSlot) {
    List<PotCheckpoints> out = new ArrayList<>();
    for (long s = fromSlot; s <= toSlot; s++) {
      out.add(new PotCheckpoints(Bytes.of(CHAIN.checkpoints(s))));
    }
    return out;
  }

  private static BlockPotVerifier.Block block(long slot, long fromSlot) {
    return new BlockPotVerifier.Block(
        new Slot(slot),
        CHAIN.output(slot),
        CHAIN.output(slot + DELAY),
        checkpoints(fromSlot, slot + DELAY));
  }

  private static final BlockPotVerifier.Parent GENESIS_PARENT =
      new BlockPotVerifier.Parent(Slot.ZERO, Bytes.zeros(16), Bytes.zeros(16), 1024, null);

  /** Block at slot 3 after genesis; its parameters carry the change at slot 9. */
  private static final BlockPotVerifier.Parent AT_3 =
      new BlockPotVerifier.Parent(new Slot(3), CHAIN.output(3), CHAIN.output(5), 1024, CHANGE);

  private Check failure(BlockPotVerifier.Parent parent, BlockPotVerifier.Block block) {
    try {
      new BlockPotVerifier(Kernels.proofOfTime(), GENESIS, DELAY).verify(parent, block);
    } catch (PotVerificationException e) {
      return e.check();
    }
    throw new AssertionError("verification passed");
  }

  @Test
  void honestBlocksVerifyAcrossAnEntropyInjection() {
    BlockPotVerifier verifier = new BlockPotVerifier(Kernels.proofOfTime(), GENESIS, DELAY);
    assertThatCode(() -> verifier.verify(GENESIS_PARENT, block(3, 1))).doesNotThrowAnyException();
    // Slots 6..12 cross the change at slot 9 (new seed and iterations).
    assertThatCode(() -> verifier.verify(AT_3, block(10, 6))).doesNotThrowAnyException();
    BlockPotVerifier.Parent at10 =
        new BlockPotVerifier.Parent(new Slot(10), CHAIN.output(10), CHAIN.output(12), 2048, null);
    // A fresh verifier must prove the header's proof of time itself.
    assertThatCode(
            () ->
                new BlockPotVerifier(Kernels.proofOfTime(), GENESIS, DELAY)
                    .verify(at10, block(11, 13)))
        .doesNotThrowAnyException();
  }

  @Test
  void futureProofOfTimeMustBeTheLastOutput() {
    BlockPotVerifier.Block b = block(10, 6);
    BlockPotVerifier.Block wrongFuture =
        new BlockPotVerifier.Block(b.slot(), b.proofOfTime(), CHAIN.output(11), b.checkpoints());
    assertThat(failure(AT_3, wrongFuture)).isEqualTo(Check.FUTURE_PROOF_OF_TIME_MISMATCH);
    BlockPotVerifier.Block none =
        new BlockPotVerifier.Block(b.slot(), b.proofOfTime(), b.futureProofOfTime(), List.of());
    assertThat(failure(AT_3, none)).isEqualTo(Check.FUTURE_PROOF_OF_TIME_MISMATCH);
  }

  @Test
  void slotBeforeParentIsNamed() {
    BlockPotVerifier.Block b =
        new BlockPotVerifier.Block(
            new Slot(2), CHAIN.output(2), CHAIN.output(4), checkpoints(1, 4));
    assertThat(failure(AT_3, b)).isEqualTo(Check.SLOT_BEFORE_PARENT);
  }

  @Test
  void checkpointCountMustMatchTheSlotDistance() {
    // One slot too many: checkpoints from 5 instead of 6.
    assertThat(failure(AT_3, block(10, 5))).isEqualTo(Check.CHECKPOINT_COUNT);
    assertThat(failure(GENESIS_PARENT, block(3, 2))).isEqualTo(Check.CHECKPOINT_COUNT);
  }

  @Test
  void tamperedOrMisplacedCheckpointsAreInvalid() {
    BlockPotVerifier.Block b = block(10, 6);
    List<PotCheckpoints> cps = new ArrayList<>(b.checkpoints());
    byte[] flipped = cps.get(2).outputs().toBytes();
    flipped[20] ^= 1;
    cps.set(2, new PotCheckpoints(Bytes.wrap(flipped)));
    assertThat(
            failure(
                AT_3,
                new BlockPotVerifier.Block(b.slot(), b.proofOfTime(), b.futureProofOfTime(), cps)))
        .isEqualTo(Check.CHECKPOINTS_INVALID);
    // A parent without the change: slots from 9 on were proven with another seed.
    BlockPotVerifier.Parent noChange =
        new BlockPotVerifier.Parent(new Slot(3), CHAIN.output(3), CHAIN.output(5), 1024, null);
    assertThat(failure(noChange, b)).isEqualTo(Check.CHECKPOINTS_INVALID);
    List<PotCheckpoints> shortOnes = new ArrayList<>(b.checkpoints());
    shortOnes.set(0, new PotCheckpoints(Bytes.zeros(112)));
    assertThat(
            failure(
                AT_3,
                new BlockPotVerifier.Block(
                    b.slot(), b.proofOfTime(), b.futureProofOfTime(), shortOnes)))
        .isEqualTo(Check.CHECKPOINTS_INVALID);
  }

  @Test
  void headerProofOfTimeMustBeItsSlotsOutput() {
    BlockPotVerifier.Block b = block(10, 6);
    BlockPotVerifier.Block wrong =
        new BlockPotVerifier.Block(
            b.slot(), CHAIN.output(9), b.futureProofOfTime(), b.checkpoints());
    assertThat(failure(AT_3, wrong)).isEqualTo(Check.PROOF_OF_TIME_MISMATCH);
  }
}
