package dev.annals.farmer;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.SegmentLeaf;
import dev.annals.supersegment.SegmentProofs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A dev global history for the farmer tests: real segments archived by {@link SegmentArchiver} in
 * two shards (the beacon chain and leaf 1 under intermediate 1), interleaved into global order and
 * landed two segments per super segment the way PROTOCOL §5 lands them: the super segment root is
 * the unbalanced Merkle root over the segments' leaves ({@link SegmentLeaf}) and each piece carries
 * its segment's proof, zero-padded ({@link SegmentProofs}), so the consensus {@code
 * SolutionVerifier} accepts the farmer's solutions. (Super segment 0 holds two segments, not just
 * the beacon genesis segment as on a chain: the verifier does not look at that.)
 */
final class DevHistory {
  static final ProtocolParameters DEV = ProtocolParameters.DEV;
  static final int SEGMENTS = 24;
  static final int PER_SUPER_SEGMENT = 2;

  /** Landed pieces by global segment index. */
  final List<List<Piece>> segments = new ArrayList<>();

  final List<SuperSegmentHeader> superSegments = new ArrayList<>();

  private static DevHistory instance;

  static synchronized DevHistory get() {
    if (instance == null) {
      instance = new DevHistory();
    }
    return instance;
  }

  private DevHistory() {
    Random random = new Random(7);
    ShardIndex leaf = ShardIndex.leaf(ShardIndex.intermediate(1), 1);
    SegmentArchiver beacon = SegmentArchiver.create(DEV, ShardIndex.BEACON, null);
    SegmentArchiver leafArchiver = SegmentArchiver.create(DEV, leaf, null);
    List<ArchivedSegment> beaconSegments = new ArrayList<>();
    List<ArchivedSegment> leafSegments = new ArrayList<>();
    while (beaconSegments.size() < SEGMENTS / 2 || leafSegments.size() < SEGMENTS / 2) {
      byte[] block = new byte[1 + random.nextInt(6000)];
      random.nextBytes(block);
      if (random.nextBoolean()) {
        beaconSegments.addAll(beacon.addBlock(block));
      } else {
        leafSegments.addAll(leafArchiver.addBlock(block));
      }
    }
    List<ArchivedSegment> global = new ArrayList<>();
    for (int i = 0; i < SEGMENTS / 2; i++) {
      global.add(beaconSegments.get(i));
      global.add(leafSegments.get(i));
    }
    Hash previous = Hash.ZERO;
    for (int first = 0; first < SEGMENTS; first += PER_SUPER_SEGMENT) {
      byte[] leaves = new byte[PER_SUPER_SEGMENT * Hash.SIZE];
      for (int p = 0; p < PER_SUPER_SEGMENT; p++) {
        ArchivedSegment segment = global.get(first + p);
        byte[] leafHash =
            SegmentLeaf.hash(
                segment.pieces().getFirst().header().shardIndex().value(),
                p,
                segment.header().index().value(),
                segment.header().root());
        System.arraycopy(leafHash, 0, leaves, p * Hash.SIZE, Hash.SIZE);
      }
      SuperSegmentIndex index = new SuperSegmentIndex(first / PER_SUPER_SEGMENT);
      SuperSegmentHeader header =
          new SuperSegmentHeader(
              index,
              Hash.wrap(UnbalancedMerkleTree.root(leaves, 0, PER_SUPER_SEGMENT)),
              previous,
              new GlobalSegmentIndex(first + PER_SUPER_SEGMENT - 1),
              new BlockNumber(first),
              PER_SUPER_SEGMENT);
      superSegments.add(header);
      previous = header.hash();
      for (int p = 0; p < PER_SUPER_SEGMENT; p++) {
        List<Hash> segmentProof =
            SegmentProofs.pad(
                UnbalancedMerkleTree.proof(leaves, 0, PER_SUPER_SEGMENT, p),
                DEV.segmentProofHashes());
        List<Piece> landed = new ArrayList<>();
        for (Piece piece : global.get(first + p).pieces()) {
          PieceHeader h = piece.header();
          landed.add(
              new Piece(
                  new PieceHeader(
                      h.shardIndex(),
                      h.localSegmentIndex(),
                      index,
                      new SegmentPosition(p),
                      h.segmentRoot(),
                      segmentProof,
                      h.parityChunksRoot(),
                      h.recordProof()),
                  piece.record()));
        }
        segments.add(landed);
      }
    }
  }

  Piece piece(long globalIndex) {
    int perSegment = DEV.piecesPerSegment();
    return segments.get((int) (globalIndex / perSegment)).get((int) (globalIndex % perSegment));
  }
}
