package dev.annals.consensus.sector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredChunksTest {
  @Test
  void fullRecordsStoreExactlyTheirProofs() {
    byte[] found = new byte[32];
    new Random(1).nextBytes(found);
    int count = BitSet.valueOf(found).cardinality();
    assertThat(StoredChunks.row(found, count, count)).isEqualTo(found);
  }

  @Test
  void shortRecordsAreFilledFromTheLowestS_bucketsWithoutAProof() {
    Random random = new Random(2);
    for (int round = 0; round < 50; round++) {
      byte[] found = new byte[32];
      for (int i = 0; i < 1 + random.nextInt(100); i++) {
        int s = random.nextInt(256);
        found[s / 8] |= (byte) (1 << (s % 8));
      }
      BitSet proofs = BitSet.valueOf(found);
      int chunks = 128;
      BitSet row = BitSet.valueOf(StoredChunks.row(found, proofs.cardinality(), chunks));
      assertThat(row.cardinality()).isEqualTo(chunks);
      BitSet kept = (BitSet) row.clone();
      kept.and(proofs);
      assertThat(kept).isEqualTo(proofs);
      BitSet fillers = (BitSet) row.clone();
      fillers.andNot(proofs);
      // Every s-bucket below the highest filler is stored (as a proof or as a filler).
      int highest = fillers.length() - 1;
      for (int s = 0; s < highest; s++) {
        assertThat(row.get(s)).as("s-bucket %d", s).isTrue();
      }
    }
  }
}
