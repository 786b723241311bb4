package dev.annals.node.storage;

import dev.annals.consensus.range.BlockWeight;
import dev.annals.kernel.merkle.MerkleMountainRange;
import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import java.util.Arrays;

/**
 * What the import pipeline keeps per stored block besides the block itself: the cumulative
 * fork-choice weight of the chain from the shard's genesis through the block, and the Merkle
 * mountain range over that chain's block roots (leaf count and peaks), from which the MMR root a
 * child must carry is one fold and the child's own range one append. Stored under the block root as
 * {@code weight high u64 ‖ weight low u64 ‖ leaf count u64 ‖ peaks (32 × popcount(leaf count))},
 * little-endian.
 */
public record BlockMeta(BlockWeight cumulativeWeight, long mmrLeafCount, byte[] mmrPeaks) {
  public BlockMeta {
    if (cumulativeWeight == null || mmrPeaks == null) {
      throw new IllegalArgumentException("block meta: every field must be set (value null)");
    }
    if (mmrLeafCount < 1 || mmrPeaks.length != Long.bitCount(mmrLeafCount) * Hash.SIZE) {
      throw new IllegalArgumentException(
          "block meta: "
              + mmrLeafCount
              + " MMR leaves need "
              + Long.bitCount(mmrLeafCount)
              + " peaks and at least one leaf (value "
              + mmrPeaks.length
              + " bytes of peaks)");
    }
    mmrPeaks = mmrPeaks.clone();
  }

  /** The meta of a shard's genesis block: no weight, one leaf. */
  public static BlockMeta genesis(Hash genesisRoot) {
    MerkleMountainRange mmr = new MerkleMountainRange();
    mmr.append(genesisRoot.toBytes());
    return new BlockMeta(BlockWeight.ZERO, mmr.leafCount(), mmr.peaks());
  }

  /** The meta of a child block {@code root} of this block weighing {@code weight}. */
  public BlockMeta child(Hash root, BlockWeight weight) {
    MerkleMountainRange mmr = mmr();
    mmr.append(root.toBytes());
    return new BlockMeta(cumulativeWeight.plus(weight), mmr.leafCount(), mmr.peaks());
  }

  /** The MMR over the chain's block roots through this block. */
  public MerkleMountainRange mmr() {
    return MerkleMountainRange.restore(mmrLeafCount, mmrPeaks);
  }

  /** The root of {@link #mmr()}: what a child of this block carries as {@code mmr_root}. */
  public Hash mmrRoot() {
    return Hash.wrap(mmr().root());
  }

  @Override
  public byte[] mmrPeaks() {
    return mmrPeaks.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockMeta m
        && cumulativeWeight.equals(m.cumulativeWeight)
        && mmrLeafCount == m.mmrLeafCount
        && Arrays.equals(mmrPeaks, m.mmrPeaks);
  }

  @Override
  public int hashCode() {
    return cumulativeWeight.hashCode() * 31 + Long.hashCode(mmrLeafCount);
  }

  static final Codec<BlockMeta> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(BlockMeta meta) {
          return new ByteWriter(24 + meta.mmrPeaks.length)
              .u64(meta.cumulativeWeight.high())
              .u64(meta.cumulativeWeight.low())
              .u64(meta.mmrLeafCount)
              .bytes(meta.mmrPeaks)
              .toByteArray();
        }

        @Override
        public BlockMeta decode(byte[] bytes) {
          ByteReader r = new ByteReader(bytes);
          r.scope("block_meta.");
          BlockWeight weight = new BlockWeight(r.u64("weight_high"), r.u64("weight_low"));
          long leaves = r.u64("mmr_leaf_count");
          if (leaves < 1) {
            throw new IllegalArgumentException(
                "block_meta.mmr_leaf_count: must be at least 1 (value " + leaves + ")");
          }
          byte[] peaks = r.bytes("mmr_peaks", Long.bitCount(leaves) * Hash.SIZE);
          r.expectEnd("value");
          return new BlockMeta(weight, leaves, peaks);
        }
      };
}
