package dev.annals.consensus.solution;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.consensus.challenge.GlobalChallenge;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.sector.AuditCandidate;
import dev.annals.consensus.sector.PlottedSector;
import dev.annals.consensus.sector.SectorAuditor;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.consensus.sector.SectorProver;
import dev.annals.consensus.sector.SectorSolution;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A real dev solution: one shard's archive of six segments landed in super segment 0 (leaves and
 * proofs computed here from the protocol's definition), a sector plotted from it by {@link
 * SectorPlotter}, audited by {@link SectorAuditor} over slots until a chunk wins, and proven by
 * {@link SectorProver}.
 */
final class PlottedSolutionFixture {
  static final ProtocolParameters DEV = ProtocolParameters.DEV;
  static final int SEGMENTS = 6;
  static final ShardIndex SHARD = ShardIndex.leaf(ShardIndex.intermediate(1), 2);

  final List<List<Piece>> landed = new ArrayList<>();
  final SuperSegmentHeader superSegment0;
  final Hash publicKeyHash;
  final ShardCommitment commitment;
  final SectorIndex sectorIndex = new SectorIndex(3);
  final HistorySize historySize = new HistorySize(SEGMENTS);
  final SectorId sectorId;
  final Slot slot;
  final Bytes proofOfTime;
  final SectorSolution proven;
  final long distance;
  final Solution solution;

  private static PlottedSolutionFixture instance;

  static synchronized PlottedSolutionFixture get() {
    if (instance == null) {
      instance = new PlottedSolutionFixture();
    }
    return instance;
  }

  private PlottedSolutionFixture() {
    Random random = new Random(7);
    SegmentArchiver archiver = SegmentArchiver.create(DEV, SHARD, null);
    List<ArchivedSegment> segments = new ArrayList<>();
    while (segments.size() < SEGMENTS) {
      byte[] block = new byte[1 + random.nextInt(3000)];
      random.nextBytes(block);
      segments.addAll(archiver.addBlock(block));
    }
    segments = segments.subList(0, SEGMENTS);

    byte[] leaves = new byte[SEGMENTS * Hash.SIZE];
    for (int p = 0; p < SEGMENTS; p++) {
      PieceHeader h = segments.get(p).pieces().getFirst().header();
      segmentLeaf(h.shardIndex(), p, h.localSegmentIndex().value(), h.segmentRoot())
          .copyTo(leaves, p * Hash.SIZE);
    }
    Hash root = Hash.wrap(UnbalancedMerkleTree.root(leaves, 0, SEGMENTS));
    superSegment0 =
        new SuperSegmentHeader(
            SuperSegmentIndex.ZERO,
            root,
            Hash.ZERO,
            new GlobalSegmentIndex(SEGMENTS - 1),
            new BlockNumber(1),
            SEGMENTS);
    for (int p = 0; p < SEGMENTS; p++) {
      byte[] proof = UnbalancedMerkleTree.proof(leaves, 0, SEGMENTS, p);
      List<Hash> padded = new ArrayList<>();
      for (int i = 0; i < DEV.segmentProofHashes(); i++) {
        padded.add(
            i * Hash.SIZE < proof.length
                ? Hash.of(Arrays.copyOfRange(proof, i * Hash.SIZE, (i + 1) * Hash.SIZE))
                : Hash.ZERO);
      }
      List<Piece> pieces = new ArrayList<>();
      for (Piece piece : segments.get(p).pieces()) {
        PieceHeader h = piece.header();
        pieces.add(
            new Piece(
                new PieceHeader(
                    h.shardIndex(),
                    h.localSegmentIndex(),
                    SuperSegmentIndex.ZERO,
                    new SegmentPosition(p),
                    h.segmentRoot(),
                    padded,
                    h.parityChunksRoot(),
                    h.recordProof()),
                piece.record()));
      }
      landed.add(pieces);
    }

    publicKeyHash = Hash.blake3(new byte[] {42});
    commitment =
        new ShardCommitment(
            Hash.blake3(new byte[] {43}),
            Proofs.zeros(DEV.shardCommitmentProofHashes()),
            Hash.blake3(new byte[] {44}));
    sectorId = SectorId.derive(publicKeyHash, commitment.root(), sectorIndex, historySize);
    List<Piece> sectorPieces = new ArrayList<>();
    for (int offset = 0; offset < DEV.maxPiecesInSector(); offset++) {
      sectorPieces.add(piece(sectorId.pieceIndex(new PieceOffset(offset), historySize, DEV)));
    }
    PlottedSector plotted =
        new SectorPlotter(DEV, 1).plot(sectorId, sectorIndex, historySize, sectorPieces);

    Win win = firstWin(plotted);
    slot = win.slot();
    proofOfTime = win.proofOfTime();
    proven = win.proven();
    distance = win.distance();
    solution = proven.toSolution(publicKeyHash, commitment, historySize, sectorIndex);
  }

  private record Win(Slot slot, Bytes proofOfTime, SectorSolution proven, long distance) {}

  /** The first proven winning chunk over slots 1, 2, … at a non-zero piece offset. */
  private Win firstWin(PlottedSector plotted) {
    SectorAuditor auditor = new SectorAuditor(DEV);
    SectorProver prover = new SectorProver(DEV, 1);
    for (long s = 1; s < 1000; s++) {
      Bytes pot = Bytes.wrap(Arrays.copyOf(Hash.blake3(new byte[] {(byte) s}).toBytes(), 16));
      Hash challenge = GlobalChallenge.derive(pot.toBytes(), new Slot(s));
      for (AuditCandidate candidate :
          auditor.audit(
              plotted.data(), plotted.metadata(), sectorId, challenge, SolutionRange.MAX.value())) {
        SectorSolution result;
        try {
          result = prover.prove(plotted.data(), plotted.metadata(), sectorId, candidate);
        } catch (IllegalArgumentException fillerChunk) {
          continue;
        }
        // A non-zero offset lets a test lower the preset's maximum below it.
        if (result.pieceOffset() != 0) {
          return new Win(new Slot(s), pot, result, candidate.distance());
        }
      }
    }
    throw new IllegalStateException("no slot in 1..999 gave a provable chunk");
  }

  Piece piece(PieceIndex index) {
    int perSegment = DEV.piecesPerSegment();
    return landed
        .get(Math.toIntExact(index.value() / perSegment))
        .get((int) (index.value() % perSegment));
  }

  /** {@code H(shard u32 ‖ position u32 ‖ local index u64 ‖ segment root)} (protocol-facts §5). */
  static Hash segmentLeaf(ShardIndex shard, int position, long localIndex, Hash segmentRoot) {
    byte[] input = new byte[48];
    LittleEndian.putInt(input, 0, shard.value());
    LittleEndian.putInt(input, 4, position);
    LittleEndian.putLong(input, 8, localIndex);
    segmentRoot.copyTo(input, 16);
    return Hash.wrap(Kernels.blake3().hash(input));
  }

  /** The super segments a node would know: super segment 0 plus any given. */
  SuperSegments superSegments(SuperSegmentHeader... more) {
    List<SuperSegmentHeader> all = new ArrayList<>();
    all.add(superSegment0);
    all.addAll(List.of(more));
    return new SuperSegments() {
      @Override
      public Optional<SuperSegmentHeader> byIndex(SuperSegmentIndex index) {
        return all.stream().filter(h -> h.index().equals(index)).findFirst();
      }

      @Override
      public Optional<SuperSegmentHeader> containing(GlobalSegmentIndex segment) {
        return all.stream()
            .filter(
                h ->
                    h.firstSegmentIndex().compareTo(segment) <= 0
                        && segment.compareTo(h.maxSegmentIndex()) <= 0)
            .findFirst();
      }
    };
  }
}
