package dev.annals.kernel.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.Kernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Recovery at the archiver's shapes: 32768:32768 chunks of 32 bytes, 128:128 records. */
@Tag("slow")
class ArchiverShapeRecoveryTest {
  private static final ErasureCoder CODER = Kernels.erasureCoder();

  @Test
  void recordChunkExtensionRecoversFromRandomHalf() {
    check(32768, 32768, 32, 5);
  }

  @Test
  void segmentShapeRecoversFromRandomHalf() {
    // Records shortened to 64 KiB + 30 bytes to keep the test quick; the tail path is exercised.
    check(128, 128, 65_536 + 30, 6);
  }

  private static void check(int k, int r, int shardBytes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] contiguous = new byte[k * shardBytes];
    random.nextBytes(contiguous);
    byte[] recovery = new byte[r * shardBytes];
    CODER.encode(k, r, shardBytes, contiguous, 0, recovery, 0);
    byte[][] originals = CrateVectors.split(contiguous, k, shardBytes);
    byte[][] recoveryShards = CrateVectors.split(recovery, r, shardBytes);

    // Drop r of the k + r shards at random (a partial Fisher-Yates draw).
    int[] order = new int[k + r];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    byte[][] someOriginals = originals.clone();
    byte[][] someRecovery = recoveryShards.clone();
    for (int n = 0; n < r; n++) {
      int pick = n + random.nextInt(order.length - n);
      int index = order[pick];
      order[pick] = order[n];
      order[n] = index;
      if (index < k) {
        someOriginals[index] = null;
      } else {
        someRecovery[index - k] = null;
      }
    }
    CODER.recoverAll(someOriginals, someRecovery);
    assertThat(someOriginals).isDeepEqualTo(originals);
    assertThat(someRecovery).isDeepEqualTo(recoveryShards);
  }
}
