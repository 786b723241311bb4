package dev.annals.consensus.sector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SBucketWindowsTest {
  private static final int CHUNK = SectorLayout.CHUNK_SIZE;

  /** The definition: for s ascending, for p ascending with bit s, p's next chunk. */
  private static byte[] naive(byte[][] sealed, byte[] rows, int rowSize, int sBuckets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] next = new int[sealed.length];
    for (int s = 0; s < sBuckets; s++) {
      for (int p = 0; p < sealed.length; p++) {
        if ((rows[p * rowSize + s / 8] & (1 << (s % 8))) != 0) {
          out.write(sealed[p], next[p]++ * CHUNK, CHUNK);
        }
      }
    }
    return out.toByteArray();
  }

  private static void check(int pieces, int sBuckets, int perRecord, long seed) throws IOException {
    Random random = new Random(seed);
    int rowSize = sBuckets / 8;
    byte[] rows = new byte[pieces * rowSize];
    byte[][] sealed = new byte[pieces][perRecord * CHUNK];
    int[] sizes = new int[sBuckets];
    for (int p = 0; p < pieces; p++) {
      random.nextBytes(sealed[p]);
      for (int set = 0; set < perRecord; ) {
        int s = random.nextInt(sBuckets);
        int at = p * rowSize + s / 8;
        if ((rows[at] & (1 << (s % 8))) == 0) {
          rows[at] |= (byte) (1 << (s % 8));
          sizes[s]++;
          set++;
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> windows = new ArrayList<>();
    SBucketWindows.write(
        sealed,
        rows,
        rowSize,
        sizes,
        (window, length) -> {
          out.write(window, 0, length);
          windows.add(length);
        });
    assertThat(out.toByteArray()).isEqualTo(naive(sealed, rows, rowSize, sBuckets));
    assertThat(windows).allSatisfy(length -> assertThat(length).isPositive());
  }

  @Test
  void matchesTheSBucketMajorDefinitionInOneWindow() throws IOException {
    check(5, 256, 128, 1);
  }

  @Test
  void matchesTheDefinitionAcrossManyWindows() throws IOException {
    // 300 × 128 chunks exceed one window (32768 chunks): several windows, split on 8-bucket groups
    check(300, 256, 128, 2);
    check(40, 2048, 1024, 3);
  }

  @Test
  void oneGroupLargerThanTheTargetStillFits() throws IOException {
    // every piece stores every s-bucket: one 8-bucket group = 8 × 5000 chunks > 32768
    check(5000, 8, 8, 4);
  }
}
