package dev.annals.kernel.erasure;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * The argument checks and the shard bookkeeping shared by the coders: every public method checks
 * its input completely, with messages naming the problem, before the encoder or decoder of a
 * subclass sees it, so the Java and C coders reject the same input in the same words.
 */
abstract sealed class CheckedErasureCoder implements ErasureCoder
    permits JavaErasureCoder, CErasureCoder {
  /**
   * Encodes checked input: shard i of originals at originals[i] from byte originalOffsets[i], shard
   * j of recovery at recovery[j] from recoveryOffsets[j], all shardBytes long.
   */
  abstract void encodeChecked(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[][] originals,
      int[] originalOffsets,
      byte[][] recovery,
      int[] recoveryOffsets);

  /**
   * Restores every original whose slot is null into restored[i] (fresh arrays); at least
   * originalCount shards are present, some original is missing, all shards are shardBytes long.
   */
  abstract void decodeChecked(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[][] originals,
      byte[][] recovery,
      byte[][] restored);

  @Override
  public void encode(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[] originals,
      int originalsOffset,
      byte[] recovery,
      int recoveryOffset) {
    ErasureParameters.requireSupported(originalCount, recoveryCount);
    ErasureParameters.requireShardBytes(shardBytes);
    Objects.requireNonNull(originals, "originals");
    Objects.requireNonNull(recovery, "recovery");
    long inBytes = (long) originalCount * shardBytes;
    long outBytes = (long) recoveryCount * shardBytes;
    requireRange("originals", originals.length, originalsOffset, inBytes);
    requireRange("recovery", recovery.length, recoveryOffset, outBytes);
    if (originals == recovery
        && originalsOffset < recoveryOffset + outBytes
        && recoveryOffset < originalsOffset + inBytes) {
      throw new IllegalArgumentException(
          "recovery range ["
              + recoveryOffset
              + ", +"
              + outBytes
              + ") overlaps originals range ["
              + originalsOffset
              + ", +"
              + inBytes
              + ")");
    }
    encodeContiguousChecked(
        originalCount,
        recoveryCount,
        shardBytes,
        originals,
        originalsOffset,
        recovery,
        recoveryOffset);
  }

  /**
   * Encodes checked input whose shards lie end to end in {@code originals} and {@code recovery}
   * (ranges inside their arrays, not overlapping). This default spreads the shards into per-shard
   * arrays of references and offsets for {@link #encodeChecked}; a coder may work on the flat
   * arrays directly.
   */
  void encodeContiguousChecked(
      int originalCount,
      int recoveryCount,
      int shardBytes,
      byte[] originals,
      int originalsOffset,
      byte[] recovery,
      int recoveryOffset) {
    byte[][] in = new byte[originalCount][];
    int[] inOffsets = new int[originalCount];
    for (int i = 0; i < originalCount; i++) {
      in[i] = originals;
      inOffsets[i] = originalsOffset + i * shardBytes;
    }
    byte[][] out = new byte[recoveryCount][];
    int[] outOffsets = new int[recoveryCount];
    for (int j = 0; j < recoveryCount; j++) {
      out[j] = recovery;
      outOffsets[j] = recoveryOffset + j * shardBytes;
    }
    encodeChecked(originalCount, recoveryCount, shardBytes, in, inOffsets, out, outOffsets);
  }

  @Override
  public void encode(byte[][] originals, byte[][] recovery) {
    Objects.requireNonNull(originals, "originals");
    Objects.requireNonNull(recovery, "recovery");
    ErasureParameters.requireSupported(originals.length, recovery.length);
    int shardBytes = commonShardBytes("originals", originals, false, -1);
    ErasureParameters.requireShardBytes(shardBytes);
    commonShardBytes("recovery", recovery, false, shardBytes);
    requireDistinct(originals, recovery);
    encodeChecked(
        originals.length,
        recovery.length,
        shardBytes,
        originals,
        new int[originals.length],
        recovery,
        new int[recovery.length]);
  }

  @Override
  public void encode(byte[][] originals, byte[][] recovery, int offset, int length) {
    Objects.requireNonNull(originals, "originals");
    Objects.requireNonNull(recovery, "recovery");
    ErasureParameters.requireSupported(originals.length, recovery.length);
    int shardBytes = commonShardBytes("originals", originals, false, -1);
    commonShardBytes("recovery", recovery, false, shardBytes);
    if (length <= 0 || (length & 1) != 0) {
      throw new IllegalArgumentException("column range length must be even and > 0, got " + length);
    }
    if (offset < 0 || offset > shardBytes - length) {
      throw new IllegalArgumentException(
          "column range ["
              + offset
              + ", "
              + offset
              + " + "
              + length
              + ") outside shards of "
              + shardBytes
              + " bytes");
    }
    requireDistinct(originals, recovery);
    int[] inOffsets = new int[originals.length];
    int[] outOffsets = new int[recovery.length];
    Arrays.fill(inOffsets, offset);
    Arrays.fill(outOffsets, offset);
    encodeChecked(
        originals.length, recovery.length, length, originals, inOffsets, recovery, outOffsets);
  }

  @Override
  public byte[][] recoverOriginals(
      int originalCount,
      int recoveryCount,
      int[] originalIndices,
      byte[][] originalShards,
      int[] recoveryIndices,
      byte[][] recoveryShards) {
    ErasureParameters.requireSupported(originalCount, recoveryCount);
    byte[][] originals = place("original", originalCount, originalIndices, originalShards);
    byte[][] recovery = place("recovery", recoveryCount, recoveryIndices, recoveryShards);
    restoreOriginals(originals, recovery);
    return originals;
  }

  @Override
  public void recoverAll(byte[][] originals, byte[][] recovery) {
    Objects.requireNonNull(originals, "originals");
    Objects.requireNonNull(recovery, "recovery");
    ErasureParameters.requireSupported(originals.length, recovery.length);
    restoreOriginals(originals, recovery);
    boolean recoveryMissing = false;
    for (byte[] shard : recovery) {
      recoveryMissing |= shard == null;
    }
    if (recoveryMissing) {
      int shardBytes = originals[0].length;
      byte[][] rebuilt = new byte[recovery.length][shardBytes];
      encode(originals, rebuilt);
      for (int j = 0; j < recovery.length; j++) {
        if (recovery[j] == null) {
          recovery[j] = rebuilt[j];
        }
      }
    }
  }

  /** Checks the shards present and decodes the missing originals into their null slots. */
  private void restoreOriginals(byte[][] originals, byte[][] recovery) {
    int k = originals.length;
    int shardBytes = commonShardBytes("originals", originals, true, -1);
    shardBytes = commonShardBytes("recovery", recovery, true, shardBytes);
    if (shardBytes < 0) {
      throw new IllegalArgumentException(
          "not enough shards: need " + k + " of " + (k + recovery.length) + ", got 0");
    }
    ErasureParameters.requireShardBytes(shardBytes);
    int present = countPresent(originals) + countPresent(recovery);
    if (present < k) {
      throw new IllegalArgumentException(
          "not enough shards: need " + k + " of " + (k + recovery.length) + ", got " + present);
    }
    if (countPresent(originals) == k) {
      return;
    }
    byte[][] restored = new byte[k][];
    for (int i = 0; i < k; i++) {
      if (originals[i] == null) {
        restored[i] = new byte[shardBytes];
      }
    }
    decodeChecked(k, recovery.length, shardBytes, originals, recovery, restored);
    for (int i = 0; i < k; i++) {
      if (originals[i] == null) {
        originals[i] = restored[i];
      }
    }
  }

  /** Puts indexed shards into their slots of a fresh array, rejecting bad or repeated indices. */
  private static byte[][] place(String kind, int count, int[] indices, byte[][] shards) {
    Objects.requireNonNull(indices, kind + " indices");
    Objects.requireNonNull(shards, kind + " shards");
    if (indices.length != shards.length) {
      throw new IllegalArgumentException(
          kind
              + " indices and shards differ in length: "
              + indices.length
              + " vs "
              + shards.length);
    }
    byte[][] slots = new byte[count][];
    for (int n = 0; n < indices.length; n++) {
      int index = indices[n];
      if (index < 0 || index >= count) {
        throw new IllegalArgumentException(
            kind + " index " + index + " out of range 0.." + (count - 1));
      }
      if (slots[index] != null) {
        throw new IllegalArgumentException("duplicate " + kind + " index " + index);
      }
      if (shards[n] == null) {
        throw new IllegalArgumentException(kind + " shard with index " + index + " is null");
      }
      slots[index] = shards[n];
    }
    return slots;
  }

  /**
   * The length shared by the non-null shards, or {@code expected} if there are none; throws if a
   * shard differs from the others or from {@code expected} (when it is not negative).
   */
  private static int commonShardBytes(
      String kind, byte[][] shards, boolean nullsAllowed, int expected) {
    int bytes = expected;
    for (int i = 0; i < shards.length; i++) {
      byte[] shard = shards[i];
      if (shard == null) {
        if (!nullsAllowed) {
          throw new IllegalArgumentException(kind + " shard " + i + " is null");
        }
        continue;
      }
      if (bytes < 0) {
        bytes = shard.length;
      } else if (shard.length != bytes) {
        throw new IllegalArgumentException(
            kind + " shard " + i + " has " + shard.length + " bytes, expected " + bytes);
      }
    }
    return bytes;
  }

  private static int countPresent(byte[][] shards) {
    int present = 0;
    for (byte[] shard : shards) {
      if (shard != null) {
        present++;
      }
    }
    return present;
  }

  private static void requireRange(String name, int arrayLength, int offset, long length) {
    if (offset < 0 || offset + length > arrayLength) {
      throw new IllegalArgumentException(
          name
              + " range ["
              + offset
              + ", "
              + offset
              + " + "
              + length
              + ") does not fit an array of "
              + arrayLength
              + " bytes");
    }
  }

  /** Refuses a recovery shard that is one of the originals; linear in the shard count. */
  private static void requireDistinct(byte[][] originals, byte[][] recovery) {
    Set<byte[]> inputs = Collections.newSetFromMap(new IdentityHashMap<>(2 * originals.length));
    Collections.addAll(inputs, originals);
    for (byte[] out : recovery) {
      if (inputs.contains(out)) {
        throw new IllegalArgumentException("a recovery shard is the same array as an original");
      }
    }
  }
}
