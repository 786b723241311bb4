package dev.annals.kernel.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.java.JavaBlake3;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public face of the C BLAKE3 kernel: batches split into several calls, long inputs hashed as
 * subtrees in several calls, argument checks.
 */
class CBlake3Test {
  private static final JavaBlake3 JAVA = new JavaBlake3();
  private static CBlake3 c;

  @BeforeAll
  static void load() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    c = new CBlake3(((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library());
  }

  private static byte[] random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  @Test
  void kernelsChooseTheCKernelWhenTheLibraryIsInUse() {
    assumeTrue(Kernels.nativeLibrary().isPresent());
    assertThat(Kernels.blake3()).isInstanceOf(CBlake3.class);
    assertThat(Kernels.describe()).contains("blake3=" + c.name());
  }

  @Test
  void batchesLargerThanOneCallAreSplitAndMatchJava() {
    Random r = new Random(1);
    byte[] key = random(r, 32);
    int count = 3 * (CBlake3.BATCH_CALL_BYTES / 64) + 77;
    byte[] in = random(r, 64 * count + 5);
    byte[] expected = new byte[32 * count + 3];
    byte[] actual = expected.clone();
    JAVA.keyedHash64Batch(key, in, 5, count, expected, 3);
    c.keyedHash64Batch(key, in, 5, count, actual, 3);
    assertThat(actual).isEqualTo(expected);

    // In place across call boundaries: each call's outputs land below the next call's inputs.
    byte[] inPlaceJava = in.clone();
    byte[] inPlaceC = in.clone();
    JAVA.keyedHash64Batch(key, inPlaceJava, 5, count, inPlaceJava, 1);
    c.keyedHash64Batch(key, inPlaceC, 5, count, inPlaceC, 1);
    assertThat(inPlaceC).isEqualTo(inPlaceJava);

    for (int length : new int[] {48, 1024, 5000, 300_000}) {
      int n = 2 * CBlake3.BATCH_CALL_BYTES / length + 3;
      byte[] items = random(r, length * n + 2);
      byte[] want = new byte[32 * n];
      byte[] got = new byte[32 * n];
      JAVA.hashBatch(items, 2, length, n, want, 0);
      c.hashBatch(items, 2, length, n, got, 0);
      assertThat(got).as("length %d", length).isEqualTo(want);
    }
  }

  @Test
  void singleHashesOfEverySizeClassMatchJava() {
    Random r = new Random(2);
    byte[] key = random(r, 32);
    for (int length :
        new int[] {
          0,
          1,
          CBlake3.MIN_C_HASH_BYTES - 1,
          CBlake3.MIN_C_HASH_BYTES,
          1 << 20,
          CBlake3.SUBTREE_BYTES,
          CBlake3.SUBTREE_BYTES + 1,
          CBlake3.SUBTREE_BYTES + 1025,
          2 * CBlake3.SUBTREE_BYTES + 100,
          2 * CBlake3.SUBTREE_BYTES + 3 * 1024 + 5
        }) {
      byte[] in = random(r, length + 7);
      byte[] slice = Arrays.copyOfRange(in, 7, 7 + length);
      assertThat(c.hash(in, 7, length)).as("length %d", length).isEqualTo(JAVA.hash(slice));
      assertThat(c.keyedHash(key, slice))
          .as("keyed length %d", length)
          .isEqualTo(JAVA.keyedHash(key, slice));
    }
  }

  @Test
  void badArgumentsAreRejectedBeforeTheCall() {
    byte[] key = new byte[32];
    assertThatThrownBy(() -> c.keyedHash64Batch(key, new byte[127], 0, 2, new byte[64], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.keyedHash64Batch(key, new byte[128], 1, 2, new byte[64], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.keyedHash64Batch(key, new byte[128], -1, 1, new byte[64], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.keyedHash64Batch(key, new byte[128], 0, 2, new byte[64], 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.keyedHash64Batch(new byte[33], new byte[64], 0, 1, new byte[32], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("33");
    assertThatThrownBy(() -> c.keyedHash64Batch(key, new byte[64], 0, -3, new byte[32], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-3");
    byte[] shared = new byte[256];
    assertThatThrownBy(() -> c.keyedHash64Batch(key, shared, 0, 2, shared, 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outOffset 32");
    // Output after the input inside the same array does not overlap it: allowed.
    c.keyedHash64Batch(key, shared, 0, 2, shared, 128);
    assertThatThrownBy(() -> c.hashBatch(new byte[64], 0, -1, 1, new byte[32], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> c.hashBatch(new byte[64], 0, 33, 2, new byte[64], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.hash(new byte[8192], 100, 8192))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
