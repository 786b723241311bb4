package dev.annals.supersegment;

import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.U64;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.List;

/**
 * A super segment: an ordered list of shard segments, the unbalanced Merkle root over their leaves
 * ({@link SegmentLeaf}) and its 92-byte header. The segment at position p gets the global index
 * {@code max segment index − segment count + 1 + p}.
 */
public final class SuperSegment {
  private final SuperSegmentHeader header;
  private final List<ShardSegmentRoot> segments;
  private final byte[] leaves;

  private SuperSegment(SuperSegmentHeader header, List<ShardSegmentRoot> segments, byte[] leaves) {
    this.header = header;
    this.segments = segments;
    this.leaves = leaves;
  }

  /**
   * The first super segment: it holds just the beacon chain's genesis segment (shard 0, local index
   * 0), has index 0, max segment index 0 and a zero previous hash. Abundance builds it at beacon
   * block 1.
   */
  public static SuperSegment first(BlockNumber targetBeaconBlock, ShardSegmentRoot genesisSegment) {
    if (!genesisSegment.shard().equals(ShardIndex.BEACON)
        || !genesisSegment.localIndex().equals(LocalSegmentIndex.ZERO)) {
      throw new IllegalArgumentException(
          "first super segment: must hold the beacon genesis segment (shard 0, local index 0)"
              + " (value shard "
              + genesisSegment.shard()
              + ", local index "
              + genesisSegment.localIndex()
              + ")");
    }
    List<ShardSegmentRoot> segments = List.of(genesisSegment);
    byte[] leaves = leaves(segments);
    SuperSegmentHeader header =
        new SuperSegmentHeader(
            SuperSegmentIndex.ZERO,
            Hash.wrap(UnbalancedMerkleTree.root(leaves, 0, 1)),
            Hash.ZERO,
            GlobalSegmentIndex.ZERO,
            targetBeaconBlock,
            1);
    return new SuperSegment(header, segments, leaves);
  }

  /** The super segment after {@code previous}, over {@code segments} in the given order. */
  public static SuperSegment next(
      SuperSegmentHeader previous, BlockNumber targetBeaconBlock, List<ShardSegmentRoot> segments) {
    if (previous == null || targetBeaconBlock == null || segments == null) {
      throw new IllegalArgumentException(
          "super segment: previous header, target block and segments must be set (value null)");
    }
    List<ShardSegmentRoot> copy = List.copyOf(segments);
    if (copy.isEmpty() || copy.size() > SegmentPosition.MAX_SEGMENTS_PER_SUPER_SEGMENT) {
      throw new IllegalArgumentException(
          "super segment: must hold 1..=1048575 segments (value " + copy.size() + ")");
    }
    long previousMax = previous.maxSegmentIndex().value();
    long max = previousMax + copy.size();
    if (Long.compareUnsigned(max, previousMax) < 0) {
      throw new IllegalArgumentException(
          "super segment: max segment index overflows u64 after "
              + U64.toString(previousMax)
              + " (value "
              + copy.size()
              + " segments)");
    }
    if (Long.compareUnsigned(targetBeaconBlock.value(), previous.targetBeaconBlockNumber().value())
        <= 0) {
      throw new IllegalArgumentException(
          "super segment: target beacon block must follow the previous one's "
              + U64.toString(previous.targetBeaconBlockNumber().value())
              + " (value "
              + U64.toString(targetBeaconBlock.value())
              + ")");
    }
    byte[] leaves = leaves(copy);
    SuperSegmentHeader header =
        new SuperSegmentHeader(
            previous.index().next(),
            Hash.wrap(UnbalancedMerkleTree.root(leaves, 0, copy.size())),
            previous.hash(),
            new GlobalSegmentIndex(max),
            targetBeaconBlock,
            copy.size());
    return new SuperSegment(header, copy, leaves);
  }

  private static byte[] leaves(List<ShardSegmentRoot> segments) {
    int n = segments.size();
    byte[] inputs = new byte[n * SegmentLeaf.INPUT_SIZE];
    for (int p = 0; p < n; p++) {
      ShardSegmentRoot s = segments.get(p);
      SegmentLeaf.writeInput(
          s.shard().value(),
          p,
          s.localIndex().value(),
          s.root(),
          inputs,
          p * SegmentLeaf.INPUT_SIZE);
    }
    byte[] leaves = new byte[n * Hash.SIZE];
    SegmentLeaf.hashAll(inputs, n, leaves);
    return leaves;
  }

  public SuperSegmentHeader header() {
    return header;
  }

  public Hash root() {
    return header.root();
  }

  public List<ShardSegmentRoot> segments() {
    return segments;
  }

  public int segmentCount() {
    return segments.size();
  }

  /** The segment at {@code position}. */
  public ShardSegmentRoot segmentAt(SegmentPosition position) {
    checkPosition(position);
    return segments.get(position.value());
  }

  /** The global index of the segment at {@code position}. */
  public GlobalSegmentIndex globalSegmentIndex(SegmentPosition position) {
    return header.segmentIndexAt(position);
  }

  /** The position of the segment {@code localIndex} of {@code shard}, or -1 if it is not here. */
  public int positionOf(ShardIndex shard, LocalSegmentIndex localIndex) {
    for (int p = 0; p < segments.size(); p++) {
      ShardSegmentRoot s = segments.get(p);
      if (s.shard().equals(shard) && s.localIndex().equals(localIndex)) {
        return p;
      }
    }
    return -1;
  }

  /** The proof of the segment at {@code position}: only the hashes it uses, bottom up. */
  public byte[] proof(SegmentPosition position) {
    checkPosition(position);
    return UnbalancedMerkleTree.proof(leaves, 0, segments.size(), position.value());
  }

  /**
   * Every segment's proof, in position order, building the tree once (cheaper than {@link #proof}
   * for each position when landing many segments).
   */
  public List<byte[]> allProofs() {
    return List.of(UnbalancedMerkleTree.allProofs(leaves, 0, segments.size()));
  }

  /** The proof as a piece header stores it under {@code params}: the used prefix, zero tail. */
  public List<Hash> storedProof(SegmentPosition position, ProtocolParameters params) {
    return SegmentProofs.pad(proof(position), params.segmentProofHashes());
  }

  private void checkPosition(SegmentPosition position) {
    if (position.value() >= segments.size()) {
      throw new IllegalArgumentException(
          "segment_position: must be below the super segment's "
              + segments.size()
              + " segments (value "
              + position.value()
              + ")");
    }
  }
}
