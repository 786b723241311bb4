package dev.annals.kernel.erasure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.Kernels;
import org.junit.jupiter.api.Test;

/** Every kind of bad input fails with a message naming the problem. */
class BadInputTest {
  private static final ErasureCoder CODER = Kernels.erasureCoder();

  private static byte[][] shards(int count, int bytes) {
    return new byte[count][bytes];
  }

  @Test
  void unsupportedCounts() {
    assertThatThrownBy(() -> CODER.encode(shards(0, 64), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CODER.encode(shards(3, 64), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recoveryCount=0");
    assertThatThrownBy(() -> CODER.encode(1, 65536, 2, new byte[2], 0, new byte[131072], 0))
        .hasMessageContaining("unsupported shard counts")
        .hasMessageContaining("recoveryCount=65536");
    // next_pow2(33000) = 65536, so even one original is too many.
    assertThatThrownBy(() -> CODER.encode(1, 33000, 2, new byte[2], 0, new byte[66000], 0))
        .hasMessageContaining("originalCount=1 recoveryCount=33000");
    assertThatThrownBy(() -> CODER.encode(32769, 32768, 2, new byte[65538], 0, new byte[65536], 0))
        .hasMessageContaining("originalCount=32769");
  }

  @Test
  void badShardSizes() {
    assertThatThrownBy(() -> CODER.encode(shards(3, 63), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("even")
        .hasMessageContaining("63");
    assertThatThrownBy(() -> CODER.encode(shards(3, 0), 2)).hasMessageContaining("got 0");
    byte[][] uneven = {new byte[64], new byte[64], new byte[66]};
    assertThatThrownBy(() -> CODER.encode(uneven, 2))
        .hasMessageContaining("originals shard 2 has 66 bytes, expected 64");
    byte[][] recovery = {new byte[64], new byte[62]};
    assertThatThrownBy(() -> CODER.encode(shards(3, 64), recovery))
        .hasMessageContaining("recovery shard 1 has 62 bytes, expected 64");
    assertThatThrownBy(() -> CODER.encode(3, 2, 64, new byte[191], 0, new byte[128], 0))
        .hasMessageContaining("originals range");
    assertThatThrownBy(() -> CODER.encode(3, 2, 64, new byte[192], 0, new byte[128], 1))
        .hasMessageContaining("recovery range");
    assertThatThrownBy(() -> CODER.encode(3, 2, 64, new byte[192], -1, new byte[128], 0))
        .hasMessageContaining("originals range");
    byte[] shared = new byte[320];
    assertThatThrownBy(() -> CODER.encode(3, 2, 64, shared, 0, shared, 128))
        .hasMessageContaining("overlaps");
  }

  @Test
  void missingOrAliasedShardsInEncode() {
    byte[][] originals = {new byte[64], null, new byte[64]};
    assertThatThrownBy(() -> CODER.encode(originals, 2))
        .hasMessageContaining("originals shard 1 is null");
    byte[][] ok = shards(3, 64);
    assertThatThrownBy(() -> CODER.encode(ok, new byte[][] {new byte[64], ok[1]}))
        .hasMessageContaining("same array");
    assertThatThrownBy(() -> CODER.encode(ok, new byte[][] {new byte[64], ok[2]}, 0, 32))
        .hasMessageContaining("same array");
  }

  @Test
  void tooFewShardsToRecover() {
    byte[][] originals = {new byte[64], null, null};
    byte[][] recovery = {new byte[64], null};
    assertThatThrownBy(() -> CODER.recoverAll(originals, recovery))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not enough shards: need 3 of 5, got 2");
    assertThatThrownBy(() -> CODER.recoverAll(new byte[3][], new byte[2][]))
        .hasMessageContaining("not enough shards");
    assertThatThrownBy(
            () ->
                CODER.recoverOriginals(
                    3, 2, new int[] {0}, shards(1, 64), new int[] {1}, shards(1, 64)))
        .hasMessageContaining("need 3 of 5, got 2");
  }

  @Test
  void badIndices() {
    assertThatThrownBy(
            () ->
                CODER.recoverOriginals(
                    3, 2, new int[] {0, 3}, shards(2, 64), new int[] {1}, shards(1, 64)))
        .hasMessageContaining("original index 3 out of range 0..2");
    assertThatThrownBy(
            () ->
                CODER.recoverOriginals(
                    3, 2, new int[] {0, -1}, shards(2, 64), new int[] {1}, shards(1, 64)))
        .hasMessageContaining("original index -1 out of range");
    assertThatThrownBy(
            () ->
                CODER.recoverOriginals(
                    3, 2, new int[] {0}, shards(1, 64), new int[] {1, 1}, shards(2, 64)))
        .hasMessageContaining("duplicate recovery index 1");
    assertThatThrownBy(
            () ->
                CODER.recoverOriginals(
                    3, 2, new int[] {0}, shards(1, 64), new int[] {2, 0}, shards(2, 64)))
        .hasMessageContaining("recovery index 2 out of range 0..1");
    assertThatThrownBy(
            () ->
                CODER.recoverOriginals(
                    3, 2, new int[] {0, 1}, shards(1, 64), new int[] {0}, shards(1, 64)))
        .hasMessageContaining("original indices and shards differ in length: 2 vs 1");
  }

  @Test
  void inconsistentShardsToRecover() {
    byte[][] originals = {new byte[64], null, new byte[64]};
    byte[][] recovery = {new byte[66], null};
    assertThatThrownBy(() -> CODER.recoverAll(originals, recovery))
        .hasMessageContaining("recovery shard 0 has 66 bytes, expected 64");
    byte[][] odd = {new byte[63], null, new byte[63]};
    assertThatThrownBy(() -> CODER.recoverAll(odd, new byte[][] {new byte[63], null}))
        .hasMessageContaining("even");
    assertThatThrownBy(() -> CODER.recoverAll(new byte[3][], new byte[0][]))
        .hasMessageContaining("unsupported shard counts");
  }
}
