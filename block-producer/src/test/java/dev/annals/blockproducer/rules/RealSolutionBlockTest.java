package dev.annals.blockproducer.rules;

import static dev.annals.blockproducer.rules.ShardChainFixture.LEAF;
import static dev.annals.blockproducer.rules.ShardChainFixture.P;
import static dev.annals.blockproducer.rules.ShardChainFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.block.BlockRuleException;
import dev.annals.consensus.block.BlockVerificationException;
import dev.annals.consensus.block.BlockVerifier;
import dev.annals.consensus.challenge.GlobalChallenge;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.consensus.sector.AuditCandidate;
import dev.annals.consensus.sector.PlottedSector;
import dev.annals.consensus.sector.SectorAuditor;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.consensus.sector.SectorProver;
import dev.annals.consensus.sector.SectorSolution;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.consensus.shard.ShardCommitmentTree;
import dev.annals.consensus.solution.SolutionVerifier;
import dev.annals.consensus.solution.SolutionVerifyException;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.solution.Solution;
import dev.annals.supersegment.SegmentLanding;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * End to end on the dev preset: history archived by the archiver (beacon genesis segment, six leaf
 * shard segments), landed in two super segments by the super-segment module, a sector plotted,
 * audited and proven by the sector code for a farmer assigned to leaf shard 1, and its solution
 * sealing leaf block L1 — verified by {@link BlockVerifier} with the real {@link SolutionVerifier}.
 */
class RealSolutionBlockTest {
  private static final HistorySize HISTORY = new HistorySize(7);

  private final ShardChainFixture f = new ShardChainFixture();
  private final List<List<Piece>> history = new ArrayList<>();
  private final BlockVerifier verifier =
      new BlockVerifier(
          P, f.view, f.potVerifier, new SolutionVerifier(P), () -> ShardChainFixture.NOW);

  private static List<ArchivedSegment> archive(ShardIndex shard, int segments, Random random) {
    SegmentArchiver archiver = SegmentArchiver.create(P, shard, null);
    List<ArchivedSegment> out = new ArrayList<>();
    while (out.size() < segments) {
      byte[] block = new byte[1 + random.nextInt(3000)];
      random.nextBytes(block);
      out.addAll(archiver.addBlock(block));
    }
    return out.subList(0, segments);
  }

  /**
   * Archives, lands and registers the history; returns the super segment pieces by global index.
   */
  private void buildHistory() {
    Random random = new Random(11);
    ArchivedSegment beacon0 = archive(ShardIndex.BEACON, 1, random).getFirst();
    List<ArchivedSegment> leaf = archive(LEAF, 6, random);
    SuperSegment first =
        SuperSegment.first(
            new BlockNumber(1),
            new ShardSegmentRoot(
                ShardIndex.BEACON, LocalSegmentIndex.ZERO, beacon0.header().root()));
    SuperSegment second =
        SuperSegment.next(
            first.header(),
            new BlockNumber(2),
            leaf.stream()
                .map(s -> new ShardSegmentRoot(LEAF, s.header().index(), s.header().root()))
                .toList());
    history.add(SegmentLanding.landAll(beacon0.pieces(), first, P));
    for (ArchivedSegment segment : leaf) {
      history.add(SegmentLanding.landAll(segment.pieces(), second, P));
    }
    f.view.addSuperSegment(first.header());
    f.view.addSuperSegment(second.header());
    f.view.historySize(root(f.b1), HISTORY);
  }

  private Piece piece(PieceIndex index) {
    int perSegment = P.piecesPerSegment();
    return history
        .get(Math.toIntExact(index.value() / perSegment))
        .get((int) (index.value() % perSegment));
  }

  private record Farmer(SealingKey key, ShardCommitmentTree tree, ShardAssignment assignment) {}

  /** A farmer whose commitments at {@link #HISTORY} put it on leaf shard 1 for L1's rotation. */
  private Farmer farmerOnLeafShard() {
    MembershipEntropy entropy = f.entropyAt(root(f.b1), new BlockNumber(2));
    for (int seed = 100; seed < 200; seed++) {
      byte[] secret = new byte[SealingKey.SECRET_SIZE];
      Arrays.fill(secret, (byte) seed);
      SealingKey key = SealingKey.fromSecret(secret);
      ShardCommitmentTree tree =
          ShardCommitmentTree.build(
              ShardCommitmentTree.seedFromSecretKey(secret),
              HISTORY,
              P.shardCommitmentLeavesLog2());
      ShardAssignment assignment =
          ShardAssignment.derive(
              key.publicKeyHash(),
              tree.root(),
              entropy,
              HISTORY,
              P.numShards(),
              P.shardCommitmentLeavesLog2());
      if (assignment.leafShard().equals(LEAF)) {
        return new Farmer(key, tree, assignment);
      }
    }
    throw new IllegalStateException("no farmer on leaf shard " + LEAF);
  }

  /** L1 at the first slot whose challenge the farmer's sector wins within the leaf range. */
  private BlockSpec winningL1(Farmer farmer) {
    SectorIndex sectorIndex = new SectorIndex(0);
    SectorId sectorId =
        SectorId.derive(farmer.key().publicKeyHash(), farmer.tree().root(), sectorIndex, HISTORY);
    List<Piece> pieces = new ArrayList<>();
    for (int offset = 0; offset < P.maxPiecesInSector(); offset++) {
      pieces.add(piece(sectorId.pieceIndex(new PieceOffset(offset), HISTORY, P)));
    }
    PlottedSector sector = new SectorPlotter(P, 1).plot(sectorId, sectorIndex, HISTORY, pieces);
    long leafRange =
        new SolutionRange(ShardChainFixture.GENESIS_RANGE)
            .forShardKind(LEAF.kind(), P.numShards())
            .value();
    SectorAuditor auditor = new SectorAuditor(P);
    SectorProver prover = new SectorProver(P, 1);
    long lastSlot = ShardChainFixture.POT_SLOTS - P.blockAuthoringDelaySlots();
    for (long slot = 5; slot <= lastSlot; slot++) {
      Bytes pot = f.output(slot);
      Hash challenge = GlobalChallenge.derive(pot.toBytes(), new Slot(slot));
      for (AuditCandidate candidate :
          auditor.audit(sector.data(), sector.metadata(), sectorId, challenge, leafRange)) {
        SectorSolution proven;
        try {
          proven = prover.prove(sector.data(), sector.metadata(), sectorId, candidate);
        } catch (IllegalArgumentException fillerChunk) {
          continue;
        }
        BlockSpec spec = f.childSpec(f.leafGenesis, f.b1, slot);
        spec.ownSegments = Optional.of(f.leafSegment0);
        spec.solution =
            proven.toSolution(
                farmer.key().publicKeyHash(),
                farmer.tree().reveal(farmer.assignment().commitmentIndex()),
                HISTORY,
                sectorIndex);
        spec.sealingKey = farmer.key();
        return spec;
      }
    }
    throw new IllegalStateException("the sector won no slot in 5.." + lastSlot);
  }

  @Test
  void aLeafBlockSealedWithARealSolutionPassesAndItsBrokenTwinsFail() throws Exception {
    buildHistory();
    Farmer farmer = farmerOnLeafShard();
    BlockSpec spec = winningL1(farmer);
    Block block = f.seal(spec);
    verifier.verify(block);

    // One hash of the chunk proof changed, the block sealed again by the farmer.
    Solution real = spec.solution;
    List<Hash> chunkProof = new ArrayList<>(real.chunkProof());
    chunkProof.set(0, Hash.blake3(new byte[] {1}));
    spec.solution =
        new Solution(
            real.publicKeyHash(),
            real.shardCommitment(),
            real.pieceLocalSegmentIndex(),
            real.pieceSuperSegmentIndex(),
            real.segmentRoot(),
            real.segmentProof(),
            real.recordRoot(),
            real.recordProof(),
            real.chunk(),
            chunkProof,
            real.proofOfSpace(),
            real.historySize(),
            real.sectorIndex(),
            real.pieceOffset(),
            real.segmentPosition(),
            real.pieceShardIndex());
    BlockRuleException chunk = broken(f.seal(spec));
    assertThat(chunk.rule()).isEqualTo(BlockRule.SOLUTION_INVALID);
    assertThat(((SolutionVerifyException) chunk.getCause()).check())
        .isEqualTo(SolutionVerifyException.Check.CHUNK_PROOF_INVALID);

    // The same block judged as of a beacon block whose history is one segment shorter.
    f.view.historySize(root(f.b1), new HistorySize(HISTORY.segments() - 1));
    BlockRuleException e = broken(block);
    assertThat(e.rule()).isEqualTo(BlockRule.SOLUTION_INVALID);
    assertThat(((SolutionVerifyException) e.getCause()).check())
        .isEqualTo(SolutionVerifyException.Check.HISTORY_SIZE_IN_FUTURE);
  }

  private BlockRuleException broken(Block block) {
    try {
      verifier.verify(block);
    } catch (BlockVerificationException e) {
      if (e instanceof BlockRuleException invalid) {
        return invalid;
      }
      throw new AssertionError(e.getMessage(), e);
    }
    throw new AssertionError("block passed");
  }
}
