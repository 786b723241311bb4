package dev.annals.supersegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentProofsTest {
  @Test
  void padsWithZerosAndReadsThePrefixBack() {
    Random random = new Random(41);
    for (int used = 0; used <= 20; used++) {
      byte[] proof = new byte[used * 32];
      random.nextBytes(proof);
      List<Hash> stored = SegmentProofs.pad(proof, 20);
      assertThat(stored).hasSize(20);
      assertThat(SegmentProofs.usedLength(stored)).isEqualTo(used);
      assertThat(SegmentProofs.usedPrefix(stored)).isEqualTo(proof);
      assertThat(SegmentProofs.tailIsZero(stored)).isTrue();
      String hex = SegmentProofs.toHex(stored);
      assertThat(hex).hasSize(20 * 64).isLowerCase();
      assertThat(hex).endsWith("0".repeat((20 - used) * 64));
    }
  }

  @Test
  void rejectsWhatCannotBeStored() {
    assertThatThrownBy(() -> SegmentProofs.pad(new byte[31], 20))
        .hasMessageContaining("value 31 bytes");
    byte[] tooLong = new byte[21 * 32];
    new Random(1).nextBytes(tooLong);
    assertThatThrownBy(() -> SegmentProofs.pad(tooLong, 20)).hasMessageContaining("value 21");
    byte[] withZero = new byte[2 * 32];
    withZero[5] = 1;
    assertThatThrownBy(() -> SegmentProofs.pad(withZero, 20))
        .hasMessageContaining("segment_proof[1]");
  }

  @Test
  void seesANonZeroTail() {
    List<Hash> stored = new ArrayList<>(SegmentProofs.pad(new byte[0], 20));
    stored.set(3, TestSegments.randomHash(new Random(2)));
    assertThat(SegmentProofs.usedLength(stored)).isZero();
    assertThat(SegmentProofs.tailIsZero(stored)).isFalse();
  }
}
