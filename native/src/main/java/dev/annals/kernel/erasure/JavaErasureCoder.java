package dev.annals.kernel.erasure;

/**
 * Pure-Java {@link ErasureCoder}: scalar table lookups over strips of whole shard rows. The
 * reference inside Annals; the C coder is tested against it.
 */
public final class JavaErasureCoder extends CheckedErasureCoder {
  @Override
  public String name() {
    return "java";
  }

  @Override
  void encodeChecked(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[][] originals,
      int[] originalOffsets,
      byte[][] recovery,
      int[] recoveryOffsets) {
    HighRateEncoder.encode(
        originalCount,
        recoveryCount,
        shardBytes,
        originals,
        originalOffsets,
        recovery,
        recoveryOffsets);
  }

  @Override
  void decodeChecked(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[][] originals,
      byte[][] recovery,
      byte[][] restored) {
    HighRateDecoder.decode(originalCount, recoveryCount, shardBytes, originals, recovery, restored);
  }
}
