package dev.annals.kernel.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.java.JavaBlake3;
import dev.annals.kernel.pot.AesProofOfTime;
import dev.annals.kernel.pot.ProofOfTime;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The C proof of time against the JDK's AES and the Java kernel, on every instruction-set path. */
class CProofOfTimeTest {
  private static NativeLibrary library;
  private static final AesProofOfTime JAVA = new AesProofOfTime(new JavaBlake3(), 1);

  @BeforeAll
  static void load() {
    assumeTrue(NativeLibrary.get() instanceof NativeLibrary.LoadResult.Loaded);
    library = ((NativeLibrary.LoadResult.Loaded) NativeLibrary.get()).library();
  }

  /** Every forced path this CPU runs (this test machine has all three). */
  static List<CProofOfTime> kernels() {
    List<CProofOfTime> kernels = new ArrayList<>();
    for (CProofOfTime.Path path : CProofOfTime.Path.values()) {
      if (path != CProofOfTime.Path.AUTO && CProofOfTime.available(library, path)) {
        kernels.add(new CProofOfTime(library, new JavaBlake3(), path));
      }
    }
    return kernels;
  }

  /** One AES-128 block through the C test entry on a forced path. */
  static byte[] cAes(CProofOfTime.Path path, byte[] key, byte[] in, boolean decrypt) {
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
    byte[] out = new byte[16];
    int code;
    try {
      code =
          (int)
              block.invokeExact(
                  MemorySegment.ofArray(key),
                  MemorySegment.ofArray(in),
                  MemorySegment.ofArray(out),
                  decrypt ? 1 : 0,
                  path.code);
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
    assertThat(code).as("annals_aes128_block on %s", path).isZero();
    return out;
  }

  @Test
  void aesBlocksEqualTheJdksOnEveryPath() throws Exception {
    Random random = new Random(197);
    Cipher enc = Cipher.getInstance("AES/ECB/NoPadding");
    Cipher dec = Cipher.getInstance("AES/ECB/NoPadding");
    for (int i = 0; i < 200; i++) {
      byte[] key = bytes(random, 16);
      byte[] block = bytes(random, 16);
      enc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      dec.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
      for (CProofOfTime.Path path : CProofOfTime.Path.values()) {
        if (!CProofOfTime.available(library, path)) {
          continue;
        }
        assertThat(cAes(path, key, block, false))
            .as("encrypt %d on %s", i, path)
            .isEqualTo(enc.doFinal(block));
        assertThat(cAes(path, key, block, true))
            .as("decrypt %d on %s", i, path)
            .isEqualTo(dec.doFinal(block));
      }
    }
  }

  @Test
  void checkpointsEqualJavasForEveryIterationCountUpTo4096OnEveryPath() {
    Random random = new Random(16);
    for (long iterations = 16; iterations <= 4096; iterations += 16) {
      byte[] seed = bytes(random, 16);
      byte[] expected = JAVA.prove(seed, iterations);
      for (CProofOfTime c : kernels()) {
        assertThat(c.prove(seed, iterations))
            .as("%d iterations on %s", iterations, c.name())
            .isEqualTo(expected);
        assertThat(c.verify(seed, iterations, expected))
            .as("verify %d on %s", iterations, c.name())
            .isTrue();
      }
    }
  }

  @Test
  void explicitKeysAndOddCheckpointIterationsEqualJavas() {
    Random random = new Random(7);
    for (long per : new long[] {1, 2, 3, 17, 255, 1000}) {
      byte[] seed = bytes(random, 16);
      byte[] key = bytes(random, 16);
      byte[] expected = JAVA.createCheckpoints(seed, key, per);
      for (CProofOfTime c : kernels()) {
        assertThat(c.createCheckpoints(seed, key, per)).as("per %d", per).isEqualTo(expected);
        if (per % 2 == 0) {
          assertThat(c.verifyCheckpoints(seed, key, expected, per)).isTrue();
        }
      }
    }
  }

  @Test
  void aChainOf2To20IterationsEqualsJavasOnEveryPath() {
    byte[] seed = bytes(new Random(20), 16);
    long iterations = 1 << 20;
    byte[] expected = JAVA.prove(seed, iterations);
    for (CProofOfTime c : kernels()) {
      assertThat(c.prove(seed, iterations)).as(c.name()).isEqualTo(expected);
      assertThat(c.verify(seed, iterations, expected)).as(c.name()).isTrue();
    }
  }

  @Test
  void verifyRejectsEveryFlippedCheckpointAndAWrongSeedOnEveryPath() {
    Random random = new Random(8);
    long iterations = 1 << 10;
    for (CProofOfTime c : kernels()) {
      byte[] seed = bytes(random, 16);
      byte[] checkpoints = JAVA.prove(seed, iterations);
      for (int i = 0; i < ProofOfTime.NUM_CHECKPOINTS; i++) {
        byte[] bad = checkpoints.clone();
        bad[16 * i + random.nextInt(16)] ^= (byte) (1 << random.nextInt(8));
        assertThat(c.verify(seed, iterations, bad))
            .as("checkpoint %d flipped on %s", i, c.name())
            .isFalse();
      }
      byte[] otherSeed = seed.clone();
      otherSeed[0] ^= 1;
      assertThat(c.verify(otherSeed, iterations, checkpoints)).isFalse();
      assertThat(c.verify(seed, iterations + 16, checkpoints)).isFalse();
      assertThat(c.verify(seed, iterations, new byte[128])).isFalse();
    }
  }

  @Test
  void badArgumentsAreRefusedWithTheJavaKernelsMessages() {
    CProofOfTime c = new CProofOfTime(library, new JavaBlake3());
    byte[] seed = new byte[16];
    List<Consumer<ProofOfTime>> calls =
        List.of(
            pot -> pot.prove(seed, 24),
            pot -> pot.prove(seed, 0),
            pot -> pot.prove(seed, -16),
            pot -> pot.verify(seed, 40, new byte[128]),
            pot -> pot.prove(new byte[15], 16),
            pot -> pot.verify(new byte[17], 16, new byte[128]),
            pot -> pot.verify(seed, 16, new byte[127]),
            pot -> pot.keyOf(new byte[0]));
    for (Consumer<ProofOfTime> call : calls) {
      Throwable expected = catchThrown(() -> call.accept(JAVA));
      assertThatThrownBy(() -> call.accept(c))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(expected.getMessage());
    }
    byte[] key = new byte[16];
    List<Consumer<Explicit>> explicit =
        List.of(
            e -> e.create(seed, key, 0),
            e -> e.create(seed, new byte[17], 4),
            e -> e.verify(seed, key, new byte[128], 3),
            e -> e.verify(seed, key, new byte[128], -2),
            e -> e.verify(seed, new byte[15], new byte[128], 2),
            e -> e.verify(seed, key, new byte[129], 2));
    Explicit javaExplicit =
        new Explicit() {
          public void create(byte[] s, byte[] k, long per) {
            JAVA.createCheckpoints(s, k, per);
          }

          public void verify(byte[] s, byte[] k, byte[] cps, long per) {
            JAVA.verifyCheckpoints(s, k, cps, per);
          }
        };
    Explicit cExplicit =
        new Explicit() {
          public void create(byte[] s, byte[] k, long per) {
            c.createCheckpoints(s, k, per);
          }

          public void verify(byte[] s, byte[] k, byte[] cps, long per) {
            c.verifyCheckpoints(s, k, cps, per);
          }
        };
    for (Consumer<Explicit> call : explicit) {
      Throwable expected = catchThrown(() -> call.accept(javaExplicit));
      assertThatThrownBy(() -> call.accept(cExplicit))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(expected.getMessage());
    }
  }

  @Test
  void kernelsUseTheCProofOfTimeAndSaySo() {
    assumeTrue(Kernels.nativeLibrary().isPresent());
    assertThat(Kernels.proofOfTime()).isInstanceOf(CProofOfTime.class);
    String name = ((CProofOfTime) Kernels.proofOfTime()).name();
    String best =
        CProofOfTime.available(library, CProofOfTime.Path.VAES)
            ? "c-vaes"
            : CProofOfTime.available(library, CProofOfTime.Path.AES_NI) ? "c-aesni" : "c-portable";
    assertThat(name).isEqualTo(best);
    assertThat(Kernels.describe()).contains("pot=" + name);
  }

  private interface Explicit {
    void create(byte[] seed, byte[] key, long per);

    void verify(byte[] seed, byte[] key, byte[] checkpoints, long per);
  }

  private static Throwable catchThrown(Runnable call) {
    try {
      call.run();
    } catch (IllegalArgumentException e) {
      return e;
    }
    throw new AssertionError("the Java kernel accepted a bad call");
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
