package dev.annals.consensus.pot;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Slots 1..n proven straight from pos-pot-facts §11, independent of {@link PotSlotInput}: the seed
 * of slot k+1 is the output of slot k, or {@code H(entropy ‖ output)[0..16)} when the change takes
 * effect at k+1; iterations switch at the change slot.
 */
final class NaivePotChain {
  final List<byte[]> seeds = new ArrayList<>();
  final List<Long> iterations = new ArrayList<>();
  final List<byte[]> checkpoints = new ArrayList<>();

  NaivePotChain(
      byte[] genesisSeed,
      long baseIterations,
      long changeSlot,
      long changeIterations,
      Hash entropy,
      int slots) {
    byte[] seed = genesisSeed;
    for (int slot = 1; slot <= slots; slot++) {
      long iters = slot >= changeSlot ? changeIterations : baseIterations;
      byte[] cps = Kernels.proofOfTime().prove(seed, iters);
      seeds.add(seed);
      iterations.add(iters);
      checkpoints.add(cps);
      byte[] output = Arrays.copyOfRange(cps, 112, 128);
      if (slot + 1 == changeSlot) {
        byte[] in = new byte[48];
        System.arraycopy(entropy.toBytes(), 0, in, 0, 32);
        System.arraycopy(output, 0, in, 32, 16);
        seed = Arrays.copyOf(Kernels.blake3().hash(in), 16);
      } else {
        seed = output;
      }
    }
  }

  /** Output of slot {@code slot} (1-based). */
  Bytes output(long slot) {
    return Bytes.wrap(Arrays.copyOfRange(checkpoints.get((int) slot - 1), 112, 128));
  }

  byte[] checkpoints(long slot) {
    return checkpoints.get((int) slot - 1);
  }

  byte[] seed(long slot) {
    return seeds.get((int) slot - 1);
  }
}
