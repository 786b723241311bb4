package dev.annals.kernel.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.ChiaProofOfSpace;
import dev.annals.kernel.pos.PosParameters;
import dev.annals.kernel.pos.PosProofs;
import dev.annals.kernel.pos.PosTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The C proof of space against the Java one, seed by seed, on every instruction-set path. */
class CProofOfSpaceTest {
  private static NativeLibrary library;

  @BeforeAll
  static void load() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
  }

  static List<Integer> paths() {
    List<Integer> paths = new ArrayList<>();
    for (KernelPath path : KernelPath.values()) {
      if (path != KernelPath.AUTO && path.available()) {
        paths.add(path.code);
      }
    }
    return paths;
  }

  private static ChiaProofOfSpace java(PosParameters params) {
    return new ChiaProofOfSpace(params, Kernels.blake3(), Kernels.chacha8(), 1);
  }

  static void assertSameProofs(PosProofs c, PosProofs java, String what) {
    assertThat(c.count()).as("%s count", what).isEqualTo(java.count());
    assertThat(c.foundProofs()).as("%s foundProofs", what).isEqualTo(java.foundProofs());
    assertThat(c.proofs()).as("%s proofs", what).isEqualTo(java.proofs());
  }

  @Test
  void randomSeedsGiveJavasProofsAtK12To16OnEveryPathAndWithThreads() {
    Random random = new Random(20261121);
    int[][] shapes = {
      {12, 256}, {12, 4096}, {13, 1024}, {14, 2}, {14, 16384}, {15, 8192}, {16, 65536}
    };
    for (int[] shape : shapes) {
      PosParameters params = new PosParameters(shape[0], shape[1]);
      ChiaProofOfSpace java = java(params);
      int seeds = params.k() <= 14 ? 2 : 1;
      for (int i = 0; i < seeds; i++) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        PosProofs expected = java.createProofs(seed);
        if (params.numSBuckets() >= 256) {
          assertThat(expected.count()).isPositive();
        }
        for (int path : paths()) {
          CProofOfSpace c = new CProofOfSpace(library, params, java, 1, path);
          assertSameProofs(c.createProofs(seed), expected, params + " path " + path + " seed " + i);
        }
        // Several threads split every phase by range; the proofs must not change.
        CProofOfSpace threaded = new CProofOfSpace(library, params, java, 3);
        assertSameProofs(threaded.createProofs(seed), expected, params + " 3 threads seed " + i);
      }
    }
  }

  @Test
  void manyRandomSeedsAtTheDevShapeGiveJavasProofs() {
    PosParameters params = PosParameters.DEV;
    ChiaProofOfSpace java = java(params);
    CProofOfSpace c = new CProofOfSpace(library, params, java, 1);
    Random random = new Random(12);
    for (int i = 0; i < 40; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      assertSameProofs(c.createProofs(seed), java.createProofs(seed), "dev seed " + i);
    }
  }

  @Test
  void buffersAreReusedAcrossSeedsWithoutLeakingState() {
    PosParameters params = new PosParameters(13, 2048);
    ChiaProofOfSpace java = java(params);
    CProofOfSpace c = new CProofOfSpace(library, params, java, 2);
    Random random = new Random(5);
    for (int i = 0; i < 4; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      assertSameProofs(c.createProofs(seed), java.createProofs(seed), "seed " + i);
    }
  }

  @Test
  void concurrentBuildsEachGetTheirOwnBuffers() {
    PosParameters params = PosParameters.DEV;
    ChiaProofOfSpace java = java(params);
    CProofOfSpace c = new CProofOfSpace(library, params, java, 1);
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) t;
      PosProofs expected = java.createProofs(seed);
      runs.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 3; i++) {
                  assertSameProofs(c.createProofs(seed), expected, "concurrent seed");
                }
              }));
    }
    runs.forEach(CompletableFuture::join);
  }

  @Test
  void findProofAndVerifyAgreeWithJava() {
    PosParameters params = new PosParameters(13, 512);
    ChiaProofOfSpace java = java(params);
    CProofOfSpace c = new CProofOfSpace(library, params, java, 1);
    byte[] seed = new byte[32];
    new Random(9).nextBytes(seed);
    PosTables tables = java.buildTables(seed);
    int present = 0;
    for (int s = 0; s < params.numSBuckets(); s += 23) {
      byte[] proof = c.findProof(seed, s);
      assertThat(proof).as("s-bucket %d", s).isEqualTo(tables.findProof(s));
      if (proof != null) {
        present++;
        assertThat(c.verify(seed, s, proof)).isTrue();
      }
    }
    assertThat(present).isPositive();
  }

  @Test
  void badArgumentsAreRefusedInJavaWithTheValue() {
    PosParameters params = PosParameters.DEV;
    ChiaProofOfSpace java = java(params);
    CProofOfSpace c = new CProofOfSpace(library, params, java, 1);
    assertThatThrownBy(() -> c.createProofs(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, got 31");
    assertThatThrownBy(() -> c.createProofs(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> c.findProof(new byte[32], 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256");
    assertThatThrownBy(() -> new CProofOfSpace(library, params, java, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> new CProofOfSpace(library, new PosParameters(13, 256), java, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("verifier");
  }

  @Test
  void aPathTheCpuLacksIsAnErrorNotWrongProofs() {
    assumeTrue(!library.hasAvx512());
    CProofOfSpace c =
        new CProofOfSpace(
            library, PosParameters.DEV, java(PosParameters.DEV), 1, CProofOfSpace.PATH_AVX512);
    assertThatThrownBy(() -> c.createProofs(new byte[32]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("instruction set");
  }

  @Test
  void kernelsPicksTheCKernelWhenTheLibraryIsLoaded() {
    assumeTrue(Kernels.nativeLibrary().isPresent());
    assertThat(Kernels.proofOfSpace(PosParameters.DEV, 1)).isInstanceOf(CProofOfSpace.class);
    assertThat(Kernels.describe()).contains(" pos=c ");
  }
}
