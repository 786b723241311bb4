package dev.annals.kernel.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Encodings of shards that lie end to end at arbitrary offsets (the C coder transforms them in
 * place in the output when the shape allows) and of column ranges of shards, against whole-shard
 * encodings by the Java coder, shard by shard from fresh arrays.
 */
class SlicedEncodingTest {
  private static final JavaErasureCoder JAVA = new JavaErasureCoder();

  /** Recovery shards of the originals, by the Java coder on separate arrays. */
  private static byte[][] reference(byte[][] originals, int r) {
    return JAVA.encode(originals, r);
  }

  private static byte[][] randomShards(SplittableRandom random, int count, int bytes) {
    byte[][] shards = new byte[count][bytes];
    for (byte[] shard : shards) {
      random.nextBytes(shard);
    }
    return shards;
  }

  @Test
  void contiguousShardsAtAnyOffsetEncodeAsSeparateShards() {
    // k:r x bytes: in-place shapes (r a power of two >= k, whole-block shards) and others.
    int[][] shapes = {
      {1, 1, 32}, {3, 4, 32}, {4, 4, 32}, {100, 128, 32}, {256, 256, 32}, {2, 8, 64},
      {5, 8, 128}, {8, 8, 4096}, {3, 3, 32}, {4, 4, 30}, {4, 4, 96}, {9, 4, 32}
    };
    int[] recoveryOffsets = {0, 32, 64, 96, 7, 2};
    SplittableRandom random = new SplittableRandom(41);
    for (ErasureCoder coder : Coders.all()) {
      for (int[] shape : shapes) {
        int k = shape[0];
        int r = shape[1];
        int bytes = shape[2];
        byte[][] originals = randomShards(random, k, bytes);
        byte[][] expected = reference(originals, r);
        for (int recoveryOffset : recoveryOffsets) {
          int originalsOffset = 5 + recoveryOffset;
          byte[] in = new byte[originalsOffset + k * bytes + 3];
          random.nextBytes(in);
          for (int i = 0; i < k; i++) {
            System.arraycopy(originals[i], 0, in, originalsOffset + i * bytes, bytes);
          }
          byte[] before = in.clone();
          byte[] out = new byte[recoveryOffset + r * bytes + 11];
          random.nextBytes(out);
          byte[] outBefore = out.clone();
          coder.encode(k, r, bytes, in, originalsOffset, out, recoveryOffset);
          String what = coder.name() + " " + k + ":" + r + " x " + bytes + " at " + recoveryOffset;
          assertThat(in).as(what + " input untouched").isEqualTo(before);
          for (int j = 0; j < r; j++) {
            int at = recoveryOffset + j * bytes;
            assertThat(Arrays.copyOfRange(out, at, at + bytes))
                .as(what + " shard " + j)
                .isEqualTo(expected[j]);
          }
          int end = recoveryOffset + r * bytes;
          assertThat(Arrays.copyOfRange(out, 0, recoveryOffset))
              .as(what + " bytes before")
              .isEqualTo(Arrays.copyOfRange(outBefore, 0, recoveryOffset));
          assertThat(Arrays.copyOfRange(out, end, out.length))
              .as(what + " bytes after")
              .isEqualTo(Arrays.copyOfRange(outBefore, end, outBefore.length));
        }
      }
    }
  }

  @Test
  void alignedColumnRangesTogetherEqualTheWholeEncoding() {
    int[][] shapes = {{4, 4, 64 * 10}, {128, 128, 64 * 40}, {5, 3, 64 * 7 + 30}, {2, 9, 64 * 3}};
    SplittableRandom random = new SplittableRandom(43);
    for (ErasureCoder coder : Coders.all()) {
      for (int[] shape : shapes) {
        int k = shape[0];
        int r = shape[1];
        int bytes = shape[2];
        byte[][] originals = randomShards(random, k, bytes);
        byte[][] expected = reference(originals, r);
        byte[][] recovery = new byte[r][bytes];
        // Uneven ranges on 64-byte boundaries, the last one reaching the end of the shards.
        int from = 0;
        while (from < bytes) {
          int blocks = 1 + random.nextInt(4);
          int to = Math.min(bytes, from + 64 * blocks);
          coder.encode(originals, recovery, from, to - from);
          from = to;
        }
        assertThat(recovery).as("%s %d:%d x %d", coder.name(), k, r, bytes).isDeepEqualTo(expected);
      }
    }
  }

  @Test
  void columnRangeIsEncodedAsShardsOfItsOwnAndTheRestIsLeftAlone() {
    SplittableRandom random = new SplittableRandom(47);
    for (ErasureCoder coder : Coders.all()) {
      byte[][] originals = randomShards(random, 6, 200);
      byte[][] recovery = randomShards(random, 5, 200);
      byte[][] before = Arrays.stream(recovery).map(byte[]::clone).toArray(byte[][]::new);
      // An unaligned range: the coding of the 38-byte slices as shards of their own.
      coder.encode(originals, recovery, 10, 38);
      byte[][] slices = new byte[6][];
      for (int i = 0; i < 6; i++) {
        slices[i] = Arrays.copyOfRange(originals[i], 10, 48);
      }
      byte[][] expected = reference(slices, 5);
      for (int j = 0; j < 5; j++) {
        assertThat(Arrays.copyOfRange(recovery[j], 10, 48)).isEqualTo(expected[j]);
        assertThat(Arrays.copyOfRange(recovery[j], 0, 10))
            .isEqualTo(Arrays.copyOfRange(before[j], 0, 10));
        assertThat(Arrays.copyOfRange(recovery[j], 48, 200))
            .isEqualTo(Arrays.copyOfRange(before[j], 48, 200));
      }
    }
  }

  @Test
  void badColumnRangesAreRefused() {
    for (ErasureCoder coder : Coders.all()) {
      byte[][] originals = new byte[3][128];
      byte[][] recovery = new byte[2][128];
      assertThatThrownBy(() -> coder.encode(originals, recovery, 64, 65))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("length must be even");
      assertThatThrownBy(() -> coder.encode(originals, recovery, 0, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("length must be even");
      assertThatThrownBy(() -> coder.encode(originals, recovery, 64, 66))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outside shards of 128 bytes");
      assertThatThrownBy(() -> coder.encode(originals, recovery, -2, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outside shards");
      byte[][] shortRecovery = {new byte[128], new byte[64]};
      assertThatThrownBy(() -> coder.encode(originals, shortRecovery, 0, 64))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("recovery shard 1 has 64 bytes");
      byte[][] aliased = {originals[0], new byte[128]};
      assertThatThrownBy(() -> coder.encode(originals, aliased, 0, 64))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("same array");
    }
  }
}
