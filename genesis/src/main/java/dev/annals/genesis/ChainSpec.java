package dev.annals.genesis;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.U64;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import java.nio.charset.StandardCharsets;

/**
 * What a chain is: its name, the preset it runs, its shard counts and genesis values. Two nodes
 * agree on a chain exactly when their specs have the same {@link #digest()}; a data directory
 * remembers the digest it was made for. The JSON file format is in docs/chain-spec.md.
 *
 * @param name chain name (1..=64 of {@code [a-z0-9-]})
 * @param preset the named preset as this build defines it
 * @param numShards intermediate shards and leaf shards per intermediate shard at genesis
 * @param genesisTimestampMillis genesis block timestamp, Unix milliseconds
 * @param potExternalEntropy bytes mixed into the proof-of-time seed at genesis (0..=255 bytes)
 * @param initialSolutionRange the beacon chain's solution range at genesis (u64, non-zero)
 * @param slotIterations proof-of-time iterations per slot at genesis (u32 multiple of 16)
 */
public record ChainSpec(
    String name,
    ProtocolParameters preset,
    NumShards numShards,
    long genesisTimestampMillis,
    Bytes potExternalEntropy,
    long initialSolutionRange,
    long slotIterations) {

  public static final int MAX_ENTROPY_BYTES = 255;
  public static final int MAX_NAME_LENGTH = 64;
  private static final byte[] DOMAIN = "annals-chain-spec-v1".getBytes(StandardCharsets.US_ASCII);

  public ChainSpec {
    if (name == null || !name.matches("[a-z0-9-]{1," + MAX_NAME_LENGTH + "}")) {
      throw new IllegalArgumentException(
          "name: must be 1..=64 of a-z, 0-9 and '-' (value '" + name + "')");
    }
    if (preset == null || numShards == null || potExternalEntropy == null) {
      throw new IllegalArgumentException("chain spec: every field must be set (value null)");
    }
    if (genesisTimestampMillis < 0) {
      throw new IllegalArgumentException(
          "genesisTimestampMillis: must not be negative (value " + genesisTimestampMillis + ")");
    }
    if (potExternalEntropy.length() > MAX_ENTROPY_BYTES) {
      throw new IllegalArgumentException(
          "potExternalEntropy: at most 255 bytes (value " + potExternalEntropy.length() + ")");
    }
    if (initialSolutionRange == 0) {
      throw new IllegalArgumentException("initialSolutionRange: must not be zero (value 0)");
    }
    if (slotIterations <= 0 || slotIterations > 0xFFFF_FFFFL || slotIterations % 16 != 0) {
      throw new IllegalArgumentException(
          "slotIterations: must be a non-zero u32 multiple of 16 (value " + slotIterations + ")");
    }
  }

  /**
   * The parameters this chain runs with: the preset with the spec's shard counts and slot
   * iterations. Nodes use these everywhere (and their digest guards the data directory).
   */
  public ProtocolParameters parameters() {
    return preset.toBuilder().slotIterations(slotIterations).numShards(numShards).build();
  }

  /**
   * Domain tag {@code annals-chain-spec-v1}, name (u8 length, UTF-8), preset name (u8 length,
   * UTF-8), the preset's digest, intermediate shards u16, leaf shards per intermediate u16, genesis
   * timestamp u64, entropy (u8 length, bytes), initial solution range u64, slot iterations u32;
   * integers little-endian. Only resolved values enter, so formatting, field order and how the
   * solution range was written in the file do not change the digest.
   */
  public byte[] canonicalEncoding() {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] presetName = preset.name().getBytes(StandardCharsets.UTF_8);
    ByteWriter w = new ByteWriter(DOMAIN.length + 128 + potExternalEntropy.length());
    w.bytes(DOMAIN)
        .u8(nameBytes.length)
        .bytes(nameBytes)
        .u8(presetName.length)
        .bytes(presetName)
        .hash(preset.digest())
        .u16(numShards.intermediateShards())
        .u16(numShards.leafShardsPerIntermediate())
        .u64(genesisTimestampMillis)
        .u8(potExternalEntropy.length())
        .bytes(potExternalEntropy)
        .u64(initialSolutionRange)
        .u32(slotIterations);
    return w.toByteArray();
  }

  /** BLAKE3 of {@link #canonicalEncoding()}. */
  public Hash digest() {
    return Hash.blake3(canonicalEncoding());
  }

  /** One line for start-up logs. */
  public String summary() {
    return "chain "
        + name
        + " (digest "
        + digest()
        + "), preset "
        + preset.name()
        + " (digest "
        + preset.digest()
        + "), "
        + numShards.intermediateShards()
        + " intermediate × "
        + numShards.leafShardsPerIntermediate()
        + " leaf shards, initial solution range "
        + U64.toString(initialSolutionRange);
  }
}
