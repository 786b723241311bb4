package dev.annals.kernel.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The field tables against the checkpoints and SHA-256 sums in erasure-coding-facts.md. */
class Gf16TablesTest {
  @Test
  void logCheckpointsAndHash() throws Exception {
    int[] expected = {
      65535, 0, 21845, 43690, 17476, 4369, 34952, 8738, 56797, 26214, 30583, 39321, 48059, 52428,
      13107, 61166
    };
    for (int i = 0; i < expected.length; i++) {
      assertThat((int) Gf16.LOG[i]).as("LOG[%d]", i).isEqualTo(expected[i]);
    }
    assertThat(sha256(Gf16.LOG))
        .isEqualTo("c7eafc7e425f44aa8c3cf82dee5f4b3e50a710844082c0f1adcd4b95d4330c1f");
  }

  @Test
  void expCheckpointsAndHash() throws Exception {
    int[] expected = {
      1, 18064, 26072, 25296, 22324, 17904, 21432, 7736, 31918, 20024, 26376, 49756, 31332, 40620,
      4388, 21050
    };
    for (int i = 0; i < expected.length; i++) {
      assertThat((int) Gf16.EXP[i]).as("EXP[%d]", i).isEqualTo(expected[i]);
    }
    assertThat((int) Gf16.EXP[65535]).isEqualTo(1);
    assertThat(sha256(Gf16.EXP))
        .isEqualTo("2016ee0982f33f3b6d46fc5731540a073e73b2e7d093ba82e1998364d9dafcd5");
  }

  @Test
  void skewCheckpointsAndHash() throws Exception {
    int[] head = {
      65535, 65535, 21845, 65535, 17476, 21845, 34952, 65535, 56797, 17476, 30583, 21845, 48059,
      34952, 13107, 65535
    };
    for (int i = 0; i < head.length; i++) {
      assertThat((int) Gf16.SKEW[i]).as("SKEW[%d]", i).isEqualTo(head[i]);
    }
    int[] middle = {65535, 52171, 9509, 63993, 55512, 54484, 8995, 24929, 7196};
    for (int i = 0; i < middle.length; i++) {
      assertThat((int) Gf16.SKEW[127 + i]).as("SKEW[%d]", 127 + i).isEqualTo(middle[i]);
    }
    int[] tail = {37562, 4578, 57134, 43173};
    for (int i = 0; i < tail.length; i++) {
      assertThat((int) Gf16.SKEW[65531 + i]).as("SKEW[%d]", 65531 + i).isEqualTo(tail[i]);
    }
    assertThat(Gf16.SKEW).hasSize(65535);
    assertThat(sha256(Gf16.SKEW))
        .isEqualTo("386153e81df25ed50a4be744fc292281790994bf3472076e6bed4e65463c3949");
  }

  @Test
  void expInvertsLog() {
    for (int x = 1; x < Gf16.ORDER; x++) {
      assertThat((int) Gf16.EXP[Gf16.LOG[x]]).isEqualTo(x);
    }
  }

  @Test
  void extendedTablesAgreeWithMul() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 200_000; n++) {
      int x = n < 65536 ? n : random.nextInt(Gf16.ORDER);
      int log = random.nextInt(Gf16.ORDER);
      assertThat((int) Gf16.EXP_EXT[Gf16.LOG_EXT[x] + log]).isEqualTo(Gf16.mul(x, log));
    }
  }

  @Test
  void splitTableAgreesWithMul() {
    int[] table = new int[RowOps.SPLIT_TABLE_SIZE];
    for (int log : new int[] {0, 1, 2, 12345, 65534, 65535}) {
      RowOps.fillSplitTable(log, table);
      for (int x = 0; x < Gf16.ORDER; x++) {
        assertThat(table[x & 0xFF] ^ table[256 + (x >>> 8)]).isEqualTo(Gf16.mul(x, log));
      }
    }
  }

  @Test
  void walshTransformIsItsOwnInverseModulo65535() {
    // Applying it twice multiplies by 2^16, which is 1 modulo 65535.
    SplittableRandom random = new SplittableRandom(3);
    int[] data = new int[Gf16.ORDER];
    int[] copy = new int[Gf16.ORDER];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(Gf16.MODULUS);
      copy[i] = data[i];
    }
    Gf16.fwht(data);
    Gf16.fwht(data);
    for (int i = 0; i < data.length; i++) {
      assertThat(data[i] % Gf16.MODULUS).isEqualTo(copy[i]);
    }
  }

  private static String sha256(char[] table) throws Exception {
    byte[] bytes = new byte[table.length * 2];
    for (int i = 0; i < table.length; i++) {
      bytes[2 * i] = (byte) table[i];
      bytes[2 * i + 1] = (byte) (table[i] >>> 8);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
