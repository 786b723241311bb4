package dev.annals.consensus.pot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.PotParametersChange;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PotScheduleTest {
  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void seedsFollowTheFacts() {
    Hash root = Hash.blake3(new byte[] {7});
    byte[] external = "annals devnet".getBytes();
    assertThat(PotSeeds.genesis(root, external).toBytes())
        .isEqualTo(Arrays.copyOf(Kernels.blake3().hash(concat(root.toBytes(), external)), 16));
    assertThat(PotSeeds.genesis(root, new byte[0]).toBytes())
        .isEqualTo(Arrays.copyOf(Kernels.blake3().hash(root.toBytes()), 16));
    Bytes output = Bytes.wrap(Arrays.copyOf(Kernels.blake3().hash(new byte[] {1}), 16));
    Hash entropy = Hash.blake3(new byte[] {2});
    assertThat(PotSeeds.withEntropy(output, entropy).toBytes())
        .isEqualTo(
            Arrays.copyOf(Kernels.blake3().hash(concat(entropy.toBytes(), output.toBytes())), 16));
    Hash chunk = Hash.blake3(new byte[] {3});
    assertThat(PotSeeds.injectionEntropy(chunk, output).toBytes())
        .isEqualTo(Kernels.blake3().hash(concat(chunk.toBytes(), output.toBytes())));
    assertThatThrownBy(() -> PotSeeds.withEntropy(Bytes.zeros(15), entropy))
        .hasMessageContaining("15 bytes");
  }

  @Test
  void nextSlotInputAppliesChangesExactlyAtTheirSlot() {
    Bytes out = Bytes.wrap(new byte[16]);
    Hash entropy = Hash.blake3(new byte[] {9});
    Slot parent = new Slot(10);
    PotSlotInput none = PotSlotInput.next(1024, parent, out, null);
    assertThat(none).isEqualTo(new PotSlotInput(new Slot(11), 1024, out));
    PotParametersChange atNext = new PotParametersChange(new Slot(11), 2048, entropy);
    assertThat(PotSlotInput.next(1024, parent, out, atNext))
        .isEqualTo(new PotSlotInput(new Slot(11), 2048, PotSeeds.withEntropy(out, entropy)));
    PotParametersChange earlier = new PotParametersChange(new Slot(5), 2048, entropy);
    assertThat(PotSlotInput.next(1024, parent, out, earlier))
        .isEqualTo(new PotSlotInput(new Slot(11), 2048, out));
    PotParametersChange later = new PotParametersChange(new Slot(12), 2048, entropy);
    assertThat(PotSlotInput.next(1024, parent, out, later)).isEqualTo(none);
    assertThatThrownBy(() -> new PotSlotInput(new Slot(1), 1000, out))
        .hasMessageContaining("slot_iterations");
  }

  @Test
  void injectionHappensEveryIntervalFromTheFirstPositiveSource() throws Exception {
    ProtocolParameters p = ProtocolParameters.PRODUCTION;
    long interval = p.entropyInjectionInterval();
    long lookback = interval * p.entropyInjectionLookbackDepth();
    for (long n = 0; n <= 500; n++) {
      long blockNumber = n;
      Slot slot = new Slot(3 * n + 7);
      PotInfo info =
          EntropyInjection.derive(
              p,
              new Slot(3 * n + 4),
              p.slotIterations(),
              null,
              new BlockNumber(n),
              slot,
              source -> {
                assertThat(source.value()).isEqualTo(blockNumber - lookback);
                return Hash.blake3(new byte[] {(byte) source.value()});
              });
      boolean expected = n % interval == 0 && n > lookback;
      assertThat(info.parametersChange() != null).as("block %d", n).isEqualTo(expected);
      assertThat(info.slotIterations()).isEqualTo(p.slotIterations());
      if (expected) {
        assertThat(info.parametersChange().slot().value())
            .isEqualTo(slot.value() + p.entropyInjectionDelaySlots());
        assertThat(info.parametersChange().slotIterations()).isEqualTo(p.slotIterations());
        assertThat(info.parametersChange().entropy())
            .isEqualTo(Hash.blake3(new byte[] {(byte) (n - lookback)}));
      }
    }
  }

  @Test
  void pendingChangeIsCarriedUntilItsSlotAndItsIterationsApplyAfterIt() throws Exception {
    ProtocolParameters p = ProtocolParameters.PRODUCTION;
    PotParametersChange pending = new PotParametersChange(new Slot(100), 4096, Hash.ZERO);
    // Block at slot 99 (change still ahead): carried, old iterations.
    PotInfo carried =
        EntropyInjection.derive(
            p, new Slot(90), 1024, pending, new BlockNumber(7), new Slot(99), n -> null);
    assertThat(carried).isEqualTo(new PotInfo(1024, pending));
    // Block at slot 100 with the parent at 99: the change applies from the parent's next slot.
    PotInfo applied =
        EntropyInjection.derive(
            p, new Slot(99), 1024, pending, new BlockNumber(7), new Slot(100), n -> null);
    assertThat(applied).isEqualTo(new PotInfo(4096, null));
    // A missing source block is an error naming it.
    assertThatThrownBy(
            () ->
                EntropyInjection.derive(
                    p, new Slot(1), 1024, null, new BlockNumber(150), new Slot(2), n -> null))
        .isInstanceOf(EntropyInjection.MissingSourceBlockException.class)
        .hasMessageContaining("50");
  }
}
