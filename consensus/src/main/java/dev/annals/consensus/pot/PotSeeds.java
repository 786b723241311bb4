package dev.annals.consensus.pot;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import java.util.Arrays;

/**
 * Where proof-of-time seeds come from. Seeds and outputs are 16 bytes; the slot after an output is
 * normally proven from that output itself, and from {@code H(entropy ‖ output)[0..16)} when an
 * entropy injection takes effect exactly at that slot.
 */
public final class PotSeeds {
  public static final int SIZE = 16;

  private PotSeeds() {}

  /**
   * The seed of slot 1: {@code H(genesis block root ‖ external entropy)[0..16)}; the external
   * entropy is the chain spec's value (empty when there is none).
   */
  public static Bytes genesis(Hash genesisBlockRoot, byte[] externalEntropy) {
    if (genesisBlockRoot == null || externalEntropy == null) {
      throw new IllegalArgumentException(
          "genesis seed: genesis block root and external entropy must be set (value null)");
    }
    byte[] input = new byte[Hash.SIZE + externalEntropy.length];
    genesisBlockRoot.copyTo(input, 0);
    System.arraycopy(externalEntropy, 0, input, Hash.SIZE, externalEntropy.length);
    return firstSixteen(Hash.blake3(input));
  }

  /** The seed after {@code output} when {@code entropy} is injected there. */
  public static Bytes withEntropy(Bytes output, Hash entropy) {
    requireOutput("proof_of_time output", output);
    byte[] input = new byte[Hash.SIZE + SIZE];
    entropy.copyTo(input, 0);
    output.copyTo(input, Hash.SIZE);
    return firstSixteen(Hash.blake3(input));
  }

  /**
   * The entropy a beacon block contributes when it is the injection source: {@code H(solution chunk
   * (32) ‖ its proof-of-time output (16))}.
   */
  public static Hash injectionEntropy(Hash solutionChunk, Bytes proofOfTime) {
    requireOutput("proof_of_time", proofOfTime);
    byte[] input = new byte[Hash.SIZE + SIZE];
    solutionChunk.copyTo(input, 0);
    proofOfTime.copyTo(input, Hash.SIZE);
    return Hash.blake3(input);
  }

  static void requireOutput(String field, Bytes value) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": must be set (value null)");
    }
    value.requireLength(field, SIZE);
  }

  private static Bytes firstSixteen(Hash hash) {
    return Bytes.wrap(Arrays.copyOf(hash.toBytes(), SIZE));
  }
}
