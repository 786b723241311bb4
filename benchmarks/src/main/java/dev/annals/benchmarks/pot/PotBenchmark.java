package dev.annals.benchmarks.pot;

import dev.annals.kernel.Kernels;
import dev.annals.kernel.pot.AesChain;
import dev.annals.kernel.pot.AesProofOfTime;
import dev.annals.kernel.pot.PotVerification;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proof of time for 2^20 iterations: proving (the same-run baseline) against verifying with 1 and 2
 * threads, plus the raw AES chains (CBC-over-zeros vs. one ECB call per block, and decryption).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PotBenchmark {
  private static final long ITERATIONS = 1 << 20;
  private static final byte[] SEED = HexFormat.of().parseHex("d666ccd8d593c23da8db6b5b1413b13a");

  @Param({"1", "2"})
  public int verifyThreads;

  private AesProofOfTime pot;
  private AesProofOfTime forwardPot;
  private byte[] checkpoints;
  private AesChain chain;
  private final byte[] block = new byte[16];

  @Setup(Level.Trial)
  public void setUp() {
    pot = new AesProofOfTime(Kernels.blake3(), verifyThreads);
    forwardPot = new AesProofOfTime(Kernels.blake3(), verifyThreads, PotVerification.FORWARD);
    checkpoints = pot.prove(SEED, ITERATIONS);
    chain = new AesChain();
    chain.setKey(pot.keyOf(SEED));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pot.close();
    forwardPot.close();
  }

  @Benchmark
  public byte[] prove() {
    return pot.prove(SEED, ITERATIONS);
  }

  @Benchmark
  public boolean verify() {
    return pot.verify(SEED, ITERATIONS, checkpoints);
  }

  @Benchmark
  public boolean verifyForward() {
    return forwardPot.verify(SEED, ITERATIONS, checkpoints);
  }

  @Benchmark
  public byte[] encryptChainCbc() {
    chain.encrypt(block, ITERATIONS);
    return block;
  }

  @Benchmark
  public byte[] encryptChainEcbPerBlock() {
    chain.encryptBlockByBlock(block, ITERATIONS);
    return block;
  }

  @Benchmark
  public byte[] decryptChainEcbPerBlock() {
    chain.decrypt(block, ITERATIONS);
    return block;
  }
}
