package dev.annals.kernel.pos;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.ChaCha8;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The Chia-style proof of space in Java. Table builders are large (tens of MB at k = 20), so they
 * are pooled and reused rather than kept per thread; verifiers are small and kept per thread.
 */
public final class ChiaProofOfSpace implements ProofOfSpace {
  private final PosParameters params;
  private final Blake3 blake3;
  private final ChaCha8 chacha;
  private final int threadsPerBuild;
  private final ConcurrentLinkedQueue<PosTableBuilder> idleBuilders = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<PosVerifier> verifiers;

  public ChiaProofOfSpace(
      PosParameters params, Blake3 blake3, ChaCha8 chacha, int threadsPerBuild) {
    if (threadsPerBuild < 1) {
      throw new IllegalArgumentException(
          "PoS threads per build must be >= 1, got " + threadsPerBuild);
    }
    this.params = params;
    this.blake3 = blake3;
    this.chacha = chacha;
    this.threadsPerBuild = threadsPerBuild;
    this.verifiers = ThreadLocal.withInitial(() -> new PosVerifier(params, blake3, chacha));
  }

  @Override
  public PosParameters parameters() {
    return params;
  }

  /** Builds the tables for a seed (for callers that want several s-buckets of one record). */
  public PosTables buildTables(byte[] seed) {
    PosTableBuilder builder = idleBuilders.poll();
    if (builder == null) {
      builder = new PosTableBuilder(params, blake3, chacha, threadsPerBuild);
    }
    try {
      return builder.build(seed);
    } finally {
      idleBuilders.offer(builder);
    }
  }

  @Override
  public PosProofs createProofs(byte[] seed) {
    return buildTables(seed).createProofs();
  }

  @Override
  public byte[] findProof(byte[] seed, int sBucket) {
    params.checkSBucket(sBucket);
    return buildTables(seed).findProof(sBucket);
  }

  @Override
  public boolean verify(byte[] seed, int sBucket, byte[] proof) {
    return verifiers.get().verify(seed, sBucket, proof);
  }
}
