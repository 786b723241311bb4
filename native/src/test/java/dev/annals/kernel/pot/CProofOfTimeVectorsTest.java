package dev.annals.kernel.pot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.ffm.CProofOfTime;
import dev.annals.kernel.ffm.NativeLibrary;
import dev.annals.kernel.java.JavaBlake3;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The known-answer and Abundance round-trip checks of {@link AesChainTest} and {@link
 * AesProofOfTimeTest}, run against the C kernel on every instruction-set path.
 */
class CProofOfTimeVectorsTest {
  private static final byte[] SEED = PotVectors.hex("abundance.seed");
  private static final byte[] SEED_1 = PotVectors.hex("abundance.seed1");
  private static final byte[] KEY = PotVectors.hex("abundance.key");
  private static final byte[] KEY_1 = PotVectors.hex("abundance.key1");
  private static final byte[] BAD = PotVectors.hex("abundance.badCipher");
  private static final long PER = Long.parseLong(PotVectors.get("abundance.checkpointIterations"));

  private static NativeLibrary library;

  @BeforeAll
  static void load() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
  }

  private static List<CProofOfTime.Path> paths() {
    List<CProofOfTime.Path> paths = new ArrayList<>();
    for (CProofOfTime.Path path : CProofOfTime.Path.values()) {
      if (CProofOfTime.available(library, path)) {
        paths.add(path);
      }
    }
    return paths;
  }

  @Test
  void cAesMatchesFips197AppendixC1OnEveryPath() throws Throwable {
    MethodHandle block =
        library.function(
            "annals_aes128_block",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT));
    byte[] key = PotVectors.hex("fips197.c1.key");
    byte[] plain = PotVectors.hex("fips197.c1.plaintext");
    byte[] cipher = PotVectors.hex("fips197.c1.ciphertext");
    for (CProofOfTime.Path path : paths()) {
      int code = path.code();
      byte[] out = new byte[16];
      int rc =
          (int)
              block.invokeExact(
                  MemorySegment.ofArray(key),
                  MemorySegment.ofArray(plain),
                  MemorySegment.ofArray(out),
                  0,
                  code);
      assertThat(rc).isZero();
      assertThat(out).as("encrypt on %s", path).isEqualTo(cipher);
      rc =
          (int)
              block.invokeExact(
                  MemorySegment.ofArray(key),
                  MemorySegment.ofArray(cipher),
                  MemorySegment.ofArray(out),
                  1,
                  code);
      assertThat(rc).isZero();
      assertThat(out).as("decrypt on %s", path).isEqualTo(plain);
    }
  }

  @Test
  void roundTripsAndFailuresOfTheAbundanceAesTestsOnEveryPath() {
    for (CProofOfTime.Path path : paths()) {
      CProofOfTime pot = new CProofOfTime(library, new JavaBlake3(), path);
      byte[] checkpoints = pot.createCheckpoints(SEED, KEY, PER);
      assertThat(checkpoints)
          .isEqualTo(new AesProofOfTime(new JavaBlake3(), 1).createCheckpoints(SEED, KEY, PER));
      assertThat(pot.verifyCheckpoints(SEED, KEY, checkpoints, PER)).isTrue();
      assertThat(pot.verifyCheckpoints(SEED, KEY, checkpoints, PER + 2)).isFalse();
      assertThat(pot.verifyCheckpoints(SEED, KEY, checkpoints, PER - 2)).isFalse();
      assertThat(pot.verifyCheckpoints(SEED_1, KEY, checkpoints, PER)).isFalse();
      assertThat(pot.verifyCheckpoints(SEED, KEY_1, checkpoints, PER)).isFalse();
      for (int i = 0; i < 8; i++) {
        byte[] bad = checkpoints.clone();
        System.arraycopy(BAD, 0, bad, 16 * i, 16);
        assertThat(pot.verifyCheckpoints(SEED, KEY, bad, PER))
            .as("checkpoint %d on %s", i, path)
            .isFalse();
      }
    }
  }
}
