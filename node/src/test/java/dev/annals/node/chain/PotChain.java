package dev.annals.node.chain;

import dev.annals.consensus.pot.PotSlot;
import dev.annals.consensus.pot.PotSlotInput;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pot.ProofOfTime;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.block.PotCheckpoints;
import dev.annals.primitives.block.PotParametersChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The network's proof-of-time chain for tests, proven slot by slot with the real kernel as a node's
 * slot clock would (entropy injections scheduled from beacon blocks), shared by the test nodes so
 * that they agree on it.
 */
final class PotChain {
  private final ProofOfTime pot = Kernels.proofOfTime();
  private final List<PotSlot> slots = new ArrayList<>();
  private PotSlotInput next;
  private PotParametersChange change;

  PotChain(Bytes genesisSeed, long slotIterations) {
    next = PotSlotInput.first(genesisSeed, slotIterations);
  }

  /** The proven slot {@code slot} (1-based), proving up to it. */
  synchronized PotSlot slot(long slot) {
    while (slots.size() < slot) {
      PotSlotInput input = next;
      byte[] cps = pot.prove(input.seed().toBytes(), input.slotIterations());
      PotSlot proven = new PotSlot(input, new PotCheckpoints(Bytes.wrap(cps)));
      slots.add(proven);
      next = input.next(proven.output(), change);
    }
    return slots.get((int) slot - 1);
  }

  /** A parameters change a beacon block announced; it must lie after every proven slot. */
  synchronized void schedule(PotParametersChange newChange) {
    if (newChange.equals(change)) {
      return;
    }
    if (newChange.slot().value() <= slots.size()) {
      throw new IllegalStateException(
          "change for slot " + newChange.slot() + " but " + slots.size() + " slots are proven");
    }
    change = newChange;
    if (!slots.isEmpty()) {
      PotSlot last = slots.getLast();
      next = last.input().next(last.output(), change);
    }
  }

  /** Tells {@code outputs} every slot through {@code through}, as a slot clock would. */
  void feed(PotOutputs outputs, long through) {
    for (long s = Math.max(1, outputs.latestSlot() + 1); s <= through; s++) {
      outputs.onSlot(slot(s));
    }
  }
}
