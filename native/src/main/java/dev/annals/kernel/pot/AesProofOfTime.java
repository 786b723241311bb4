package dev.annals.kernel.pot;

import dev.annals.kernel.Blake3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proof of time on the JDK's AES. Proving is one sequential chain; verifying meets in the middle:
 * each of the 8 segments is checked by encrypting its input per/2 times and decrypting its output
 * per/2 times, and the segments are independent, so they run on up to {@code verifyThreads}
 * threads.
 */
public final class AesProofOfTime implements ProofOfTime, AutoCloseable {
  private static final int BLOCK = 16;

  private final Blake3 blake3;
  private final int verifyThreads;
  private final PotVerification verification;
  private final ThreadLocal<AesChain> chains = ThreadLocal.withInitial(AesChain::new);
  private volatile ExecutorService pool;

  /** Verifies meeting in the middle, as Abundance does. */
  public AesProofOfTime(Blake3 blake3, int verifyThreads) {
    this(blake3, verifyThreads, PotVerification.MEET_IN_THE_MIDDLE);
  }

  public AesProofOfTime(Blake3 blake3, int verifyThreads, PotVerification verification) {
    if (verifyThreads < 1) {
      throw new IllegalArgumentException("PoT verify threads must be >= 1, got " + verifyThreads);
    }
    this.blake3 = blake3;
    this.verifyThreads = Math.min(verifyThreads, NUM_CHECKPOINTS);
    this.verification = java.util.Objects.requireNonNull(verification, "verification");
  }

  @Override
  public byte[] keyOf(byte[] seed) {
    AesChain.checkLength("PoT seed", seed);
    return Arrays.copyOf(blake3.hash(seed), BLOCK);
  }

  @Override
  public byte[] prove(byte[] seed, long iterations) {
    checkIterations(iterations);
    return createCheckpoints(seed, keyOf(seed), iterations / NUM_CHECKPOINTS);
  }

  @Override
  public boolean verify(byte[] seed, long iterations, byte[] checkpoints) {
    checkIterations(iterations);
    return verifyCheckpoints(seed, keyOf(seed), checkpoints, iterations / NUM_CHECKPOINTS);
  }

  /** The 8 checkpoints with an explicit key, {@code checkpointIterations} encryptions apart. */
  public byte[] createCheckpoints(byte[] seed, byte[] key, long checkpointIterations) {
    AesChain.checkLength("PoT seed", seed);
    if (checkpointIterations <= 0) {
      throw new IllegalArgumentException(
          "PoT checkpoint iterations must be positive, got " + checkpointIterations);
    }
    AesChain chain = chains.get();
    chain.setKey(key);
    byte[] block = seed.clone();
    byte[] out = new byte[CHECKPOINTS_LEN];
    for (int i = 0; i < NUM_CHECKPOINTS; i++) {
      chain.encrypt(block, checkpointIterations);
      System.arraycopy(block, 0, out, i * BLOCK, BLOCK);
    }
    return out;
  }

  /** Verification with an explicit key; {@code checkpointIterations} must be even. */
  public boolean verifyCheckpoints(
      byte[] seed, byte[] key, byte[] checkpoints, long checkpointIterations) {
    AesChain.checkLength("PoT seed", seed);
    AesChain.checkLength("PoT key", key);
    if (checkpoints.length != CHECKPOINTS_LEN) {
      throw new IllegalArgumentException(
          "PoT checkpoints must be 128 bytes, got " + checkpoints.length);
    }
    if (checkpointIterations <= 0 || checkpointIterations % 2 != 0) {
      throw new IllegalArgumentException(
          "PoT checkpoint iterations must be positive and even, got " + checkpointIterations);
    }
    long half = checkpointIterations / 2;
    if (verifyThreads == 1) {
      for (int i = 0; i < NUM_CHECKPOINTS; i++) {
        if (!segmentHolds(seed, key, checkpoints, i, half)) {
          return false;
        }
      }
      return true;
    }
    List<Future<Boolean>> results = new ArrayList<>(NUM_CHECKPOINTS);
    ExecutorService executor = pool();
    for (int i = 0; i < NUM_CHECKPOINTS; i++) {
      int segment = i;
      results.add(executor.submit(() -> segmentHolds(seed, key, checkpoints, segment, half)));
    }
    boolean valid = true;
    try {
      for (Future<Boolean> result : results) {
        valid &= result.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("PoT verification interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("PoT verification failed", e.getCause());
    }
    return valid;
  }

  /** Segment i runs from input (seed or checkpoint i−1) to output checkpoint i. */
  private boolean segmentHolds(
      byte[] seed, byte[] key, byte[] checkpoints, int segment, long half) {
    AesChain chain = chains.get();
    chain.setKey(key);
    byte[] forward =
        segment == 0
            ? seed.clone()
            : Arrays.copyOfRange(checkpoints, (segment - 1) * BLOCK, segment * BLOCK);
    byte[] backward = Arrays.copyOfRange(checkpoints, segment * BLOCK, (segment + 1) * BLOCK);
    if (verification == PotVerification.FORWARD) {
      chain.encrypt(forward, 2 * half);
    } else {
      chain.encrypt(forward, half);
      chain.decrypt(backward, half);
    }
    return Arrays.equals(forward, backward);
  }

  private ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (this) {
        p = pool;
        if (p == null) {
          p =
              Executors.newFixedThreadPool(
                  verifyThreads,
                  r -> {
                    Thread t = new Thread(r, "pot-verify");
                    t.setDaemon(true);
                    return t;
                  });
          pool = p;
        }
      }
    }
    return p;
  }

  private static void checkIterations(long iterations) {
    if (iterations <= 0 || iterations % (2 * NUM_CHECKPOINTS) != 0) {
      throw new IllegalArgumentException(
          "PoT iterations must be a positive multiple of 16, got " + iterations);
    }
  }

  @Override
  public void close() {
    ExecutorService p = pool;
    if (p != null) {
      p.shutdown();
    }
  }
}
