package dev.annals.consensus.pot;

import dev.annals.consensus.pot.PotVerificationException.Check;
import dev.annals.kernel.pot.ProofOfTime;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.block.PotParametersChange;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a beacon block's proof of time against its parent (Abundance's {@code
 * check_proof_of_time}). A block at slot {@code s} carries the header's proof of time (the output
 * of slot {@code s}), its future proof of time (the output of {@code s + authoring delay}) and, in
 * its body, the checkpoints of every slot after the parent's future slot up to its own future slot
 * (after genesis: slots 1 to {@code s + delay}).
 *
 * <p>Verified checkpoints are remembered (a bounded cache keyed by seed and iterations), so the
 * header's proof of time, which normally lies inside checkpoints an earlier block already carried,
 * costs no proving; outputs not seen before are proven.
 */
public final class BlockPotVerifier {
  private static final int CACHE_SLOTS = 4096;

  private final ProofOfTime pot;
  private final Bytes genesisSeed;
  private final long authoringDelay;
  private final Map<Key, byte[]> verified =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
          return size() > CACHE_SLOTS;
        }
      };

  private record Key(Bytes seed, long iterations) {}

  /** The parent block's proof-of-time state. */
  public record Parent(
      Slot slot,
      Bytes proofOfTime,
      Bytes futureProofOfTime,
      long slotIterations,
      PotParametersChange parametersChange) {}

  /** What the block carries. */
  public record Block(
      Slot slot, Bytes proofOfTime, Bytes futureProofOfTime, List<PotCheckpoints> checkpoints) {}

  public BlockPotVerifier(ProofOfTime pot, Bytes genesisSeed, long authoringDelaySlots) {
    PotSeeds.requireOutput("genesis seed", genesisSeed);
    if (authoringDelaySlots <= 0) {
      throw new IllegalArgumentException(
          "block_authoring_delay: must be positive (value " + authoringDelaySlots + ")");
    }
    this.pot = pot;
    this.genesisSeed = genesisSeed;
    this.authoringDelay = authoringDelaySlots;
  }

  public void verify(Parent parent, Block block) throws PotVerificationException {
    List<PotCheckpoints> cps = block.checkpoints();
    if (cps.isEmpty() || !lastOutput(cps.getLast()).equals(block.futureProofOfTime())) {
      throw new PotVerificationException(
          Check.FUTURE_PROOF_OF_TIME_MISMATCH,
          cps.isEmpty()
              ? "block carries no checkpoints"
              : "last checkpoint "
                  + lastOutput(cps.getLast()).toHex()
                  + " is not future proof of time "
                  + block.futureProofOfTime().toHex());
    }
    for (int i = 0; i < cps.size(); i++) {
      if (cps.get(i).outputs().length() != ProofOfTime.CHECKPOINTS_LEN) {
        throw new PotVerificationException(
            Check.CHECKPOINTS_INVALID,
            "slot checkpoints " + i + " are " + cps.get(i).outputs().length() + " bytes, not 128");
      }
    }
    long parentSlot = parent.slot().value();
    long slot = block.slot().value();
    if (Long.compareUnsigned(slot, parentSlot) < 0) {
      throw new PotVerificationException(
          Check.SLOT_BEFORE_PARENT, "slot " + block.slot() + " < parent slot " + parent.slot());
    }
    long between = slot - parentSlot;
    boolean afterGenesis = parentSlot == 0;
    long futureSlot = slot + authoringDelay;
    if (!(between == cps.size() || (afterGenesis && futureSlot == cps.size()))) {
      throw new PotVerificationException(
          Check.CHECKPOINT_COUNT,
          cps.size()
              + " slots of checkpoints, expected "
              + Long.toUnsignedString(afterGenesis ? futureSlot : between));
    }
    PotParametersChange change = parent.parametersChange();
    PotSlotInput input;
    if (afterGenesis) {
      input = PotSlotInput.first(genesisSeed, parent.slotIterations());
    } else {
      Slot parentFutureSlot = new Slot(parentSlot + authoringDelay);
      input =
          PotSlotInput.next(
              iterationsAt(parent, parentFutureSlot),
              parentFutureSlot,
              parent.futureProofOfTime(),
              change);
    }
    for (int i = 0; i < cps.size(); i++) {
      if (i > 0) {
        input = input.next(lastOutput(cps.get(i - 1)), change);
      }
      byte[] checkpoints = cps.get(i).outputs().toBytes();
      if (!isVerified(input, checkpoints)
          && !pot.verify(input.seed().toBytes(), input.slotIterations(), checkpoints)) {
        throw new PotVerificationException(
            Check.CHECKPOINTS_INVALID,
            "checkpoints of slot " + input.slot() + " (index " + i + ") do not verify");
      }
      remember(input, checkpoints);
    }
    PotSlotInput fromParent =
        afterGenesis
            ? PotSlotInput.first(genesisSeed, parent.slotIterations())
            : PotSlotInput.next(
                iterationsAt(parent, parent.slot()), parent.slot(), parent.proofOfTime(), change);
    Bytes output = outputAfter(fromParent, between, change);
    if (!output.equals(block.proofOfTime())) {
      throw new PotVerificationException(
          Check.PROOF_OF_TIME_MISMATCH,
          "slot "
              + block.slot()
              + " output is "
              + output.toHex()
              + ", header has "
              + block.proofOfTime().toHex());
    }
  }

  /** The iterations in force at {@code slot}: the parent's, or its change's once that applies. */
  private static long iterationsAt(Parent parent, Slot slot) {
    PotParametersChange change = parent.parametersChange();
    return change != null && change.slot().compareTo(slot) <= 0
        ? change.slotIterations()
        : parent.slotIterations();
  }

  /**
   * The output of the {@code slots}-th slot starting with {@code input}, proving what is unknown.
   */
  private Bytes outputAfter(PotSlotInput input, long slots, PotParametersChange change) {
    while (true) {
      byte[] checkpoints = known(input);
      if (checkpoints == null) {
        checkpoints = pot.prove(input.seed().toBytes(), input.slotIterations());
        remember(input, checkpoints);
      }
      Bytes output = lastOutput(checkpoints);
      if (--slots <= 0) {
        return output;
      }
      input = input.next(output, change);
    }
  }

  private synchronized byte[] known(PotSlotInput input) {
    return verified.get(new Key(input.seed(), input.slotIterations()));
  }

  private synchronized boolean isVerified(PotSlotInput input, byte[] checkpoints) {
    byte[] k = verified.get(new Key(input.seed(), input.slotIterations()));
    return k != null && Arrays.equals(k, checkpoints);
  }

  private synchronized void remember(PotSlotInput input, byte[] checkpoints) {
    verified.put(new Key(input.seed(), input.slotIterations()), checkpoints.clone());
  }

  /** Lets a node record checkpoints it proved itself (its own slot clock) as verified. */
  public void rememberProven(PotSlot slot) {
    remember(slot.input(), slot.checkpoints().outputs().toBytes());
  }

  private static Bytes lastOutput(PotCheckpoints cps) {
    return lastOutput(cps.outputs().toBytes());
  }

  private static Bytes lastOutput(byte[] all) {
    return Bytes.wrap(Arrays.copyOfRange(all, all.length - PotSeeds.SIZE, all.length));
  }
}
